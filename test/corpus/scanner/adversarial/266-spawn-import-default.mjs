const name = "child_process";
const { default: cp } = await import(name);
// pi-expect: SEC-SPAWN-001
cp.execSync("id");
