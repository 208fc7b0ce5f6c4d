// pi-expect: CMP-FORBIDDEN-001
import { performance } from "perf_hooks";
export const now = () => performance.now();
