export default function (pi) {
  // pi-expect: clean
  pi.registerCommand("hello", () => pi.ui.notify("Hello from the extension"));
}
