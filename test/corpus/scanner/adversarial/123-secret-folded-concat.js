// pi-expect: SEC-SECRET-001
const api_key = "sk-" + "proj-Qw3rTy8UiOp2AsDfGhJkL";
export default api_key;
