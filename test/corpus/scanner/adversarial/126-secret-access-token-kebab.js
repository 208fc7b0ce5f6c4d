export const opts = {
  // pi-expect: SEC-SECRET-001
  "access-token": "9f8e7d6c5b4a3210fedcba98",
};
