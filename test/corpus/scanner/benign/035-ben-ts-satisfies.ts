interface Config { timeoutMs: number; retries: number }
// pi-expect: clean
export const config = { timeoutMs: 5000, retries: 3 } satisfies Config;
