export function safeKey(k) {
  // pi-expect: clean
  if (k === "__proto__" || k === "constructor" || k === "prototype") return false;
  return true;
}
