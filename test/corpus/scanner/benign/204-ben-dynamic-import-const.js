export async function loadHelper() {
  // pi-expect: clean
  const m = await import("./helper.js");
  return m.default;
}
