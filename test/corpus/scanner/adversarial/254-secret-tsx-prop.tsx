export const Panel = () => (
  // pi-expect: SEC-SECRET-001
  <Client token="xoxp-1234567890-0987654321-abcdefghij" />
);
