export function top(counts, n = 5) {
  // pi-expect: clean
  return Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, n);
}
