export function where(name) {
  // pi-expect: clean
  return require.resolve(name);
}
