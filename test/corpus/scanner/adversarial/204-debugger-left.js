export default function (pi) {
  pi.registerCommand("dbg", () => {
    // pi-expect: SEC-DEBUG-001
    debugger;
  });
}
