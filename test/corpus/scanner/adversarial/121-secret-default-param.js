// pi-expect: SEC-SECRET-001
export function connect(host, password = "s3cr3t-pa55") {
  return { host, password };
}
