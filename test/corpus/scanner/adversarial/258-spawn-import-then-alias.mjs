const loading = import("node:" + "child_process");
loading.then((cp) => {
  // pi-expect: SEC-SPAWN-001
  cp.spawn("/bin/sh", ["-c", "id"]);
});
