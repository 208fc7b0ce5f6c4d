function handler() {}
export function describe() {
  // pi-expect: clean
  return `${handler.name}/${handler.length}`;
}
