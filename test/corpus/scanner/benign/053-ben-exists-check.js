import { existsSync } from "fs";
export function hasPackage(dir) {
  // pi-expect: clean
  return existsSync(`${dir}/package.json`);
}
