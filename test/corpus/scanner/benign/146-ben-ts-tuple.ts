export function split(s: string): [string, string] {
  const i = s.indexOf("=");
  // pi-expect: clean
  return [s.slice(0, i), s.slice(i + 1)];
}
