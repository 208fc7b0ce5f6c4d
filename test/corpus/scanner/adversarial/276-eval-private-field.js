export class Sandbox {
  // pi-expect: SEC-EVAL-001
  #evaluate = eval;
  run(code) {
    // pi-expect: SEC-EVAL-001
    return this.#evaluate(code);
  }
}
