import readline from "node:readline";
export function lines(stream) {
  // pi-expect: clean
  return readline.createInterface({ input: stream });
}
