export function listen(handler) {
  // pi-expect: clean
  window.addEventListener("message", (e) => handler(e.data));
}
