// pi-expect: clean
export const DEFAULTS = Object.freeze({ retries: 3, backoffMs: 250 });
