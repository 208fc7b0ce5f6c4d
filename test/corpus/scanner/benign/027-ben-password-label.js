export const labels = {
  // pi-expect: clean
  password: "Password",
  // pi-expect: clean
  passwordHint: "Enter your password",
  // pi-expect: clean
  apiKeyHeader: "X-Api-Key",
};
