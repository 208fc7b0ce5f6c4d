export function parse(x: string): number;
export function parse(x: number): string;
export function parse(x: string | number): string | number {
  // pi-expect: clean
  return typeof x === "string" ? Number(x) : String(x);
}
