// A const enum hides the global's name; the member folds like any constant.
const enum Key {
  Run = "ev" + "al",
  Mode = 1,
}
export function run(source: string): unknown {
  const g = globalThis as unknown as Record<string, (s: string) => unknown>;
  // pi-expect: SEC-EVAL-001
  return g[Key.Run](source);
}
