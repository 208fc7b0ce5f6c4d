import fs from "node:fs";
import path from "node:path";
export function save(dir, data) {
  // pi-expect: clean
  fs.writeFileSync(path.join(dir, "out", "result.txt"), data);
  // pi-expect: clean
  fs.writeFileSync(".env.example", "API_URL=\n");
}
