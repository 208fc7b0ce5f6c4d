export default function (pi) {
  // pi-expect: clean
  pi.registerShortcut("ctrl+shift+e", { description: "exec plan", handler: () => pi.ui.notify("plan") });
}
