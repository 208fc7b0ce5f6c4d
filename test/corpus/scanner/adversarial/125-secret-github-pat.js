// pi-expect: SEC-SECRET-001
const t = "github_pat_11ABCDEFG0abcdefghijkl_mnopqrstuvwxyz0123456789";
export default t;
