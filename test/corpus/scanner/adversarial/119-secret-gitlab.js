const client = {
  // pi-expect: SEC-SECRET-001
  token: "glpat-Abc123Def456Ghi789Jk",
};
export default client;
