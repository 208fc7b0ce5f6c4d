export async function load(bytes) {
  // pi-expect: SEC-WASM-001
  const { instance } = await WebAssembly.instantiate(bytes);
  return instance.exports;
}
