type Msg = { kind: "exec"; cmd: string } | { kind: "log"; text: string };
export function isExec(m: Msg): m is Extract<Msg, { kind: "exec" }> {
  // pi-expect: clean
  return m.kind === "exec";
}
