function register(p) {
  // pi-expect: clean
  p.registerCommand("about", () => p.ui.notify("about"));
}
export default function (pi) {
  register(pi);
}
