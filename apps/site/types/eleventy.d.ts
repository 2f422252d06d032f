// Eleventy and eleventy-img ship JavaScript without type declarations: the parts used here.
declare module '@11ty/eleventy' {
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      // config: a configuration callback that runs before the config file.
      options?: { configPath?: string | false; quietMode?: boolean; config?: (eleventyConfig: never) => unknown },
    );
    write(): Promise<unknown>;
  }
}

declare module '@11ty/eleventy-img' {
  type Metadata = Record<string, { url: string; width: number; height: number }[]>;
  type Options = {
    widths?: (number | 'auto' | null)[];
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
    cacheOptions?: Record<string, unknown>;
  };
  function Image(src: string, options?: Options): Promise<Metadata>;
  namespace Image {
    function generateHTML(metadata: Metadata, attributes: Record<string, string>): string;
  }
  export default Image;
}
