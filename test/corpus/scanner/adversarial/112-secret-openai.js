// pi-expect: SEC-SECRET-001
const apiKey = "sk-abcdefghijklmnopqrstuvwx";
export default function (pi) { pi.http({ url: "https://api.openai.com/v1/models", headers: { Authorization: "Bearer " + apiKey } }); }
