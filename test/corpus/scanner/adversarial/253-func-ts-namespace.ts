export namespace Sandbox {
  // pi-expect: SEC-FUNC-001
  export const make = (src: string) => new Function(src);
}
