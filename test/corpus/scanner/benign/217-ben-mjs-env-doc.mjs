// pi-expect: clean
export const README = "Configure OPENAI_API_KEY in your shell; the extension reads it through pi.env.get().";
