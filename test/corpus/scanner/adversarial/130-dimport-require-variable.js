export function load(spec) {
  // pi-expect: SEC-DIMPORT-001
  return require(spec);
}
