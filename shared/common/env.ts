/** An injected environment map: the core never reads `process.env` directly. */
export type EnvMap = Readonly<Record<string, string | undefined>>;

export const EMPTY_ENV: EnvMap = Object.freeze({});
