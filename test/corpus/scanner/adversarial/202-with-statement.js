function render(scope, name) {
  // pi-expect: SEC-WITH-001
  with (scope) {
    return eval(name);
  }
}
module.exports = render;
