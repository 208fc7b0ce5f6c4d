export function mod(b) {
  // pi-expect: SEC-WASM-001
  return new WebAssembly.Module(b);
}
