function who() {
  // pi-expect: SEC-ARGUMENTS-001
  return arguments.caller;
}
module.exports = who;
