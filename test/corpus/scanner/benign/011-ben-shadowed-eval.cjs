function apply(eval, x) {
  // pi-expect: clean
  return eval(x);
}
module.exports = apply;
