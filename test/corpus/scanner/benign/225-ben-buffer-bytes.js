const MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
export function isPng(data) {
  // pi-expect: clean
  return Buffer.compare(data.subarray(0, 4), MAGIC) === 0;
}
