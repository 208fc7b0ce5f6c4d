export namespace Paths {
  export const root = ".pi";
  // pi-expect: clean
  export function join(...parts: string[]): string {
    return [root, ...parts].join("/");
  }
}
