export function load() {
  // pi-expect: SEC-RCACHE-001
  return module.constructor._load("child_process");
}
