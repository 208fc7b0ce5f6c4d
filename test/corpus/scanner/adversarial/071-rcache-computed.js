export function flush() {
  // pi-expect: SEC-RCACHE-001, SEC-OBFUSC-001
  return require["ca" + "che"];
}
