// pi-expect: clean
export const here = new URL(".", import.meta.url).pathname;
