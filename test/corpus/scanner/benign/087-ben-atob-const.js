export function banner() {
  // pi-expect: clean
  return atob("SGVsbG8sIHdvcmxkIQ==");
}
