import childProcess from "child_process";
export function run(file) {
  // pi-expect: SEC-SPAWN-001
  return childProcess.execFile(file, ["--version"]);
}
