import path from "node:path";
export function rel(root, file) {
  // pi-expect: clean
  return path.relative(root, file).split(path.sep).join("/");
}
