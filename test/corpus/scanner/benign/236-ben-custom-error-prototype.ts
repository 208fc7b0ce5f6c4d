export class ExtensionError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
    // Restores instanceof for ES5 targets: changes this instance only.
    // pi-expect: clean
    Object.setPrototypeOf(this, ExtensionError.prototype);
    this.name = "ExtensionError";
  }
}
