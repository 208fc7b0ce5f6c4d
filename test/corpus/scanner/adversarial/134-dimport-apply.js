export function load(args) {
  // pi-expect: SEC-DIMPORT-001
  return require.apply(null, args);
}
