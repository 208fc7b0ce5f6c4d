export function timeout(p, ms) {
  // pi-expect: clean
  return Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error("timeout")), ms))]);
}
