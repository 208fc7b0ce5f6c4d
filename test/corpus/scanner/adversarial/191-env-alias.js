const env = process.env;
export function key() {
  // pi-expect: SEC-ENV-001
  return env.OPENAI_API_KEY;
}
