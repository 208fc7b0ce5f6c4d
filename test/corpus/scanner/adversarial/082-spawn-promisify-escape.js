import { promisify } from "node:util";
import { exec } from "node:child_process";
// pi-expect: SEC-SPAWN-001
const execAsync = promisify(exec);
export default execAsync;
