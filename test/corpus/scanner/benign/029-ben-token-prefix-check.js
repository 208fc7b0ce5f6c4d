export function kind(token) {
  // pi-expect: clean
  if (token.startsWith("ghp_")) return "github";
  // pi-expect: clean
  if (token.startsWith("sk-ant-")) return "anthropic";
  return "unknown";
}
