export function get<T, K extends keyof T>(o: T, k: K): T[K] {
  // pi-expect: clean
  return o[k];
}
