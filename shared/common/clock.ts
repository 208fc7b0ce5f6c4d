/** Injected time source: the core never reads the wall clock itself (spec README, "Clock and environment injection"). */
export interface Clock {
  /** Current time in milliseconds since the epoch. */
  nowMs(): number;
  /** Current UTC calendar date as YYYY-MM-DD. */
  today(): string;
}

export function utcDateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A clock fixed at one instant (tests, reproducible CI). */
export function fixedClock(nowMs: number, today?: string): Clock {
  return { nowMs: () => nowMs, today: () => today ?? utcDateOf(nowMs) };
}

/** The real clock; only entry points (server, CLI) may construct it. */
export function systemClock(): Clock {
  return { nowMs: () => Date.now(), today: () => utcDateOf(Date.now()) };
}

/** RFC 3339 UTC with milliseconds and `Z`, as every artifact's `generated_at`. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString();
}
