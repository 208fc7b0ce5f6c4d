export default function (pi) {
  // pi-expect: clean
  pi.registerMessageRenderer("eval-report", (msg) => `Score: ${msg.details.score}`);
}
