export declare const STRAPI_NODE_FLAGS: string[];
export declare const strapiStartArgs: (appDir: string) => string[];
