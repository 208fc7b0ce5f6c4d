export class ExecError extends Error {
  constructor(message, code) {
    super(message);
    // pi-expect: clean
    this.name = "ExecError";
    this.code = code;
  }
}
