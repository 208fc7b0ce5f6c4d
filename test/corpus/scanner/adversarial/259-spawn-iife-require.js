(function (load) {
  // pi-expect: SEC-SPAWN-001
  load("child_process").exec("whoami");
})(require);
