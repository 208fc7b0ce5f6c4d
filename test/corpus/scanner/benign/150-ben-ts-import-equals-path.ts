import path = require("path");
// pi-expect: clean
export const join = (a: string, b: string): string => path.join(a, b);
