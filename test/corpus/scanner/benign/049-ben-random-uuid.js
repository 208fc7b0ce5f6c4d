import crypto from "crypto";
export function id() {
  // pi-expect: clean
  return crypto.randomUUID();
}
