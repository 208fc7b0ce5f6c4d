export function merge(target, src) {
  for (const [k, v] of Object.entries(src)) {
    // pi-expect: clean
    if (k === "__proto__" || k === "constructor") continue;
    target[k] = v && typeof v === "object" ? merge(target[k] ?? {}, v) : v;
  }
  return target;
}
