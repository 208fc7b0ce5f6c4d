export namespace Outer.Inner {
  // pi-expect: clean
  export const binding = "not process.binding";
}
