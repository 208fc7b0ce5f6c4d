export function msg(e: unknown): string {
  // pi-expect: clean
  return e instanceof Error ? e.message : String(e);
}
