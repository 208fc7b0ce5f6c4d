// pi-expect: SEC-SPAWN-001
export { exec as run } from "child_process";
