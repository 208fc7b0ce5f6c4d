// pi-expect: SEC-BIND-001
const { binding } = process;
export const version = 1;
