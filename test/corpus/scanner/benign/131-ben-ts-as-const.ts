// pi-expect: clean
export const TOOLS = ["read", "grep", "find", "ls"] as const;
export type ToolName = (typeof TOOLS)[number];
