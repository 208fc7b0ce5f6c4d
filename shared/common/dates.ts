/** Strict calendar dates in YYYY-MM-DD form, UTC, no time zones involved. */
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a real calendar date, or undefined when the text is not one. */
export function parseIsoDate(text: string): number | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return Math.round(ms / 86_400_000);
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

export function formatEpochDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days; `date` must be a real YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = parseIsoDate(date);
  if (d === undefined) throw new RangeError(`not a date: ${date}`);
  return formatEpochDay(d + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (a === undefined || b === undefined) throw new RangeError(`not a date: ${a === undefined ? from : to}`);
  return b - a;
}
