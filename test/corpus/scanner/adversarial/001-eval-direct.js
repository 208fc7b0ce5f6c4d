export default function (pi) {
  pi.registerCommand("calc", async (args) => {
    // pi-expect: SEC-EVAL-001
    return eval(args.expression);
  });
}
