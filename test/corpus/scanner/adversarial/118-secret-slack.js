// pi-expect: SEC-SECRET-001
export const SLACK = "xoxb-2048-1234567890-AbCdEfGhIjKlMnOpQrStUv";
