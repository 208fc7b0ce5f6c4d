import { link } from "fs";
export function hard(a, b) {
  // pi-expect: SEC-SYMLINK-001
  link(a, b, () => {});
}
