/** Crash-restart budget for the language server: at most 4 restarts within 3 minutes (README "Activation"). */
export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export class RestartLimiter {
  private crashes: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Records a crash; true when another restart is allowed. */
  allowRestart(): boolean {
    const t = this.now();
    this.crashes = this.crashes.filter((c) => t - c < RESTART_WINDOW_MS);
    this.crashes.push(t);
    return this.crashes.length <= MAX_RESTARTS;
  }

  reset(): void {
    this.crashes = [];
  }
}
