export default function (pi) {
  pi.on("error", (e) => {
    // pi-expect: SEC-CONSOLE-001
    console.error("failed", e);
  });
}
