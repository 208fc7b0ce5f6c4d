interface Env { [name: string]: string | undefined }
export function pick(env: Env, name: string): string {
  // pi-expect: clean
  return env[name] ?? "";
}
