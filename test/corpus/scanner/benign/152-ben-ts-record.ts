// pi-expect: clean
export const ICONS: Record<string, string> = { exec: "terminal", eval: "beaker", spawn: "rocket" };
