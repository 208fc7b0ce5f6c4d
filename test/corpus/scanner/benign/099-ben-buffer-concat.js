export function join(parts) {
  // pi-expect: clean
  return Buffer.concat(parts.map((p) => Buffer.from(p))).toString("hex");
}
