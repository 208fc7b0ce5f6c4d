export function has() {
  // pi-expect: SEC-WASM-001
  return typeof window["Web" + "Assembly"] === "object";
}
