import fs from "node:fs";
export function loadConfig(file) {
  // pi-expect: clean
  const raw = fs.readFileSync(file, "utf8");
  return JSON.parse(raw);
}
