export function load(path) {
  const mod = { exports: {} };
  // pi-expect: SEC-DLOPEN-001
  process.dlopen(mod, path);
  return mod.exports;
}
