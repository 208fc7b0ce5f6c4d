export function stamp(d = new Date()) {
  // pi-expect: clean
  return d.toISOString().slice(0, 10);
}
