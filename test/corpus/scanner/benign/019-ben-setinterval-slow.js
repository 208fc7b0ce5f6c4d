export default function (pi) {
  // pi-expect: clean
  const id = setInterval(() => pi.log("heartbeat"), 30_000);
  pi.on("session_shutdown", () => clearInterval(id));
}
