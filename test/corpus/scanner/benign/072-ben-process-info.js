export function info() {
  // pi-expect: clean
  return { platform: process.platform, cwd: process.cwd(), node: process.version };
}
