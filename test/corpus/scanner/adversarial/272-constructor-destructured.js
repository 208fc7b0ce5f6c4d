export function build(body) {
  // pi-expect: SEC-CONSTRUCTOR-001
  const { constructor: Make } = async () => {};
  return Make(body);
}
