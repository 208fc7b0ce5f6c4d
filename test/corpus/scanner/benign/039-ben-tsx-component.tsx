import * as React from "react";
type Props = { label: string; onRun(): void };
export function RunButton({ label, onRun }: Props) {
  // pi-expect: clean
  return <button onClick={() => onRun()} title="exec">{label}</button>;
}
