export function dict() {
  // pi-expect: clean
  const d = { __proto__: null };
  return d;
}
