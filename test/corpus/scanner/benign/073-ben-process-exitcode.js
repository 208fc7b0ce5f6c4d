export function fail() {
  // pi-expect: clean
  process.exitCode = 1;
}
