export function noopFactory() {
  // pi-expect: clean
  return new Function();
}
