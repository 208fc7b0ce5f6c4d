export function bullet() {
  // pi-expect: clean
  return String.fromCharCode(8226) + " item";
}
