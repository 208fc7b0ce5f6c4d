import { Readable } from "node:stream";
export function fromArray(xs) {
  // pi-expect: clean
  return Readable.from(xs);
}
