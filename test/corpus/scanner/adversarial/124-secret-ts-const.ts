interface Creds { user: string; passwd: string }
export const creds: Creds = {
  user: "admin",
  // pi-expect: SEC-SECRET-001
  passwd: "Tr0ub4dor&3",
};
