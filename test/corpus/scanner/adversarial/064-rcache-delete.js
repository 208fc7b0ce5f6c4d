export function reload(name) {
  // pi-expect: SEC-RCACHE-001
  delete require.cache[require.resolve(name)];
  return require(name);
}
