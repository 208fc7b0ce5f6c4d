// pi-expect: CMP-FORBIDDEN-001
export * from "worker_threads";
