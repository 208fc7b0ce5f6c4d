// pi-expect: SEC-DLOPEN-001
export const loader = process.dlopen;
