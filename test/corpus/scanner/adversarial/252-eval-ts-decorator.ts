function meta(v: unknown) {
  return (_t: object) => void v;
}
// pi-expect: SEC-EVAL-001
@meta(eval("globalThis")) export class Plugin {}
