export function build(src) {
  // pi-expect: SEC-CONSTRUCTOR-001
  return (async () => {}).constructor("return " + src);
}
