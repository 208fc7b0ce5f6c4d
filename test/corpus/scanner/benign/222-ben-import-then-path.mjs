export function formatLater(value) {
  // pi-expect: clean
  return import("./format.mjs").then(({ format }) => format(value));
}
