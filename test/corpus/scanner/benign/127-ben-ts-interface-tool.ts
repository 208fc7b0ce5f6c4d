interface ToolResult { content: string; isError?: boolean }
export function ok(content: string): ToolResult {
  // pi-expect: clean
  return { content, isError: false };
}
