/** The product version printed by the CLI and written into reports. */
export const TOOL_VERSION = '0.1.0';
