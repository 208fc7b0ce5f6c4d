// pi-expect: clean
export const schema = { type: "object", properties: { command: { type: "string" }, eval: { type: "boolean" } }, required: ["command"] };
