export function hasFetch() {
  // pi-expect: clean
  if (globalThis.fetch != null && typeof globalThis.fetch === "function") return true;
  return false;
}
