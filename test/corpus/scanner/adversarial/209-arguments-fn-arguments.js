function outer(a) {
  return peek();
}
function peek() {
  // pi-expect: SEC-ARGUMENTS-001
  return outer.arguments;
}
export default outer;
