// pi-expect: clean
import type { Context } from "vm";
// pi-expect: clean
import { type Script } from "node:vm";
export function describe(ctx: Context, s: Script): string {
  return String(ctx) + String(s);
}
