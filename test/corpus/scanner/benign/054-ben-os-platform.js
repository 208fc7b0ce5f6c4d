import os from "node:os";
export function isWindows() {
  // pi-expect: clean
  return os.platform() === "win32";
}
