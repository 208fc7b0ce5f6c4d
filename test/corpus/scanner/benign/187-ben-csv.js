export function parseCsv(text) {
  // pi-expect: clean
  return text.trim().split("\n").map((line) => line.split(","));
}
