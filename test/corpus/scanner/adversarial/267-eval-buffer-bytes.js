const key = Buffer.from([101, 118, 97, 108]).toString();
export function run(code) {
  // pi-expect: SEC-EVAL-001
  return globalThis[key](code);
}
