export function host(u) {
  // pi-expect: clean
  return new URL(u).hostname;
}
