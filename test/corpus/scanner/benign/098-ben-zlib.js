import { gzipSync } from "node:zlib";
export function pack(s) {
  // pi-expect: clean
  return gzipSync(Buffer.from(s));
}
