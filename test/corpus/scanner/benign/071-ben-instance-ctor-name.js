export function typeName(v) {
  // pi-expect: clean
  return v?.constructor?.name ?? typeof v;
}
