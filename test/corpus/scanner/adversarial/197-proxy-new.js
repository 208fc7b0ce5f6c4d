export function watch(target, cb) {
  // pi-expect: SEC-PROXY-001
  return new Proxy(target, { set(t, k, v) { cb(k); t[k] = v; return true; } });
}
