const cache = new Map();
export function memo(key, compute) {
  // pi-expect: clean
  if (!cache.has(key)) cache.set(key, compute());
  return cache.get(key);
}
