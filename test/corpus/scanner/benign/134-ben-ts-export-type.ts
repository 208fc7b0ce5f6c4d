// pi-expect: clean
export type { Context as VmContext } from "node:vm";
export const name = "types";
