import { createRequire } from "module";
const require2 = createRequire(import.meta.url);
export function run(c) {
  // pi-expect: SEC-SPAWN-001
  return require2("child_process").execSync(c);
}
