export function greet(name: string): string {
  return `hi ${name}`;
}
export namespace greet {
  // pi-expect: clean
  export const defaultName = "pi";
}
