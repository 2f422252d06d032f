/** Phase timings of the current build, for the build summary. */
export const timings = { fetchMs: 0 };
