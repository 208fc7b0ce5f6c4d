export enum Direction {
  Up = "UP",
  Down = "DOWN",
}
export const enum Flags {
  None = 0,
  Read = 1 << 0,
  Write = 1 << 1,
}
enum Header { ContentType = "content-type", Authorization = "authorization" }
export function describe(d: Direction, f: Flags): string {
  // pi-expect: clean
  return `${d}:${f & Flags.Write ? "rw" : "r"}:${Header.Authorization}`;
}
