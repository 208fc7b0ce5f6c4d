// pi-expect: SEC-EVAL-001
import "data:application/javascript,globalThis.process.env.X=1";
export const ready = true;
