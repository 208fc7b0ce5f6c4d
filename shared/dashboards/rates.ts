/** passed / total × 100 rounded to 1 decimal (half up, in integer arithmetic); 100.0 when total is 0. */
export function passRatePct(passed: number, total: number): number {
  if (total <= 0) return 100;
  return Math.round((passed * 1000) / total) / 10;
}

/** Sorts strings by UTF-16 code units (dashboards.md §2.3), without locale rules. */
export function sortByCodeUnits(values: Iterable<string>): string[] {
  return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A number as the tables print it: at least one decimal (`80.0`, `86.25`). */
export function formatDecimal(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}
