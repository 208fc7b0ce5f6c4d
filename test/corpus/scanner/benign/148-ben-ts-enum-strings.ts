export enum Capability {
  Read = "read",
  Write = "write",
  // pi-expect: clean
  Exec = "exec",
  Env = "env",
}
