export const config = {
  // pi-expect: SEC-SECRET-001
  anthropic: "sk-ant-api03-Zx8f7d6s5a4q3w2e1r0tYuIoPlKjHgFdSa",
};
