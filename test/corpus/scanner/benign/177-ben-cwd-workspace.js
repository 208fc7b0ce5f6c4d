import path from "node:path";
export function workspaceFile(name) {
  // pi-expect: clean
  return path.resolve(process.cwd(), ".pi", name);
}
