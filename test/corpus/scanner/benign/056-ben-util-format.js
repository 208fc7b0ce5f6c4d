import { format } from "node:util";
export function msg(n) {
  // pi-expect: clean
  return format("%d file(s) processed", n);
}
