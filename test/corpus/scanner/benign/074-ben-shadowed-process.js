export function run(process) {
  // pi-expect: clean
  return process.binding("x");
}
