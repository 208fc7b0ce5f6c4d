export const db = {
  host: "localhost",
  // pi-expect: SEC-SECRET-001
  password: "hunter2",
};
