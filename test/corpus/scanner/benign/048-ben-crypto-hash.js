import { createHash } from "node:crypto";
export function digest(s) {
  // pi-expect: clean
  return createHash("sha256").update(s).digest("hex");
}
