export function counts(words) {
  // pi-expect: clean
  const c = Object.create(null);
  for (const w of words) c[w] = (c[w] ?? 0) + 1;
  return c;
}
