export function opts({ retries = 3, timeout = 1000, name = "job" } = {}) {
  // pi-expect: clean
  return `${name}:${retries}:${timeout}`;
}
