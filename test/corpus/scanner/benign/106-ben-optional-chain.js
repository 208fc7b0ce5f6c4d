export function deep(o) {
  // pi-expect: clean
  return o?.a?.b?.["c"]?.(1) ?? null;
}
