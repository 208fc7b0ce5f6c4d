const run = eval;

function helper(a, b) {
  return a + b;
}

export default function (pi) {
  pi.registerCommand("x", (input) => {
    // pi-expect: SEC-EVAL-001
    return run(input);
  });
}
