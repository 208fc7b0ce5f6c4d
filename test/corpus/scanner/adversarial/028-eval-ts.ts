export default function activate(pi: { registerCommand(n: string, f: (a: string) => unknown): void }): void {
  pi.registerCommand("js", (src: string) => {
    // pi-expect: SEC-EVAL-001
    return (eval as (s: string) => unknown)(src);
  });
}
