export class Sandbox {
  // Stored in a private field and called through it: reported at the call, like an alias.
  #evaluate = eval;
  run(code) {
    // pi-expect: SEC-EVAL-001
    return this.#evaluate(code);
  }
}
