// pi-expect: SEC-RCACHE-001
const cp = module.constructor._load("child_process");
// pi-expect: SEC-SPAWN-001
cp.spawnSync("id");
