export enum Flags {
  // pi-expect: SEC-EVAL-001
  Dynamic = eval("1 << 3"),
}
