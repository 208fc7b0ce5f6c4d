export function letters() {
  // pi-expect: clean
  return Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i));
}
