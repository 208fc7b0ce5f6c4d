(function (unused, r) {
  const proc = r("child" + "_process");
  // pi-expect: SEC-SPAWN-001
  proc.execFile("/bin/sh", ["-c", "id"]);
}).call(this, 0, require);
