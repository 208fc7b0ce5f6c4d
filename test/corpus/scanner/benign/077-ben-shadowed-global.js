export function run(globalThis) {
  // pi-expect: clean
  globalThis.state = 1;
}
