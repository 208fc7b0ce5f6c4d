// CommonJS-style TypeScript module: `export =` of a typed function.
interface Options {
  indent: number;
}
// pi-expect: clean
export = function format(text: string, options: Options = { indent: 2 }): string {
  return text
    .split("\n")
    .map((line) => " ".repeat(options.indent) + line)
    .join("\n");
};
