export function query() {
  // pi-expect: clean
  return new URLSearchParams({ page: "1", size: "50" }).toString();
}
