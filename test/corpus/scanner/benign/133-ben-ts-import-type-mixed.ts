import { type Stats, statSync } from "node:fs";
export function size(p: string): number {
  // pi-expect: clean
  const s: Stats = statSync(p);
  return s.size;
}
