export function estimateTokens(text) {
  // pi-expect: clean
  return Math.ceil(text.length / 4);
}
