export async function load() {
  // pi-expect: SEC-NATIVEMOD-001
  return import("../vendor/helper.dylib");
}
