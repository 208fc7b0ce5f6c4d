export function byName(xs) {
  // pi-expect: clean
  return [...xs].sort((a, b) => a.name.localeCompare(b.name));
}
