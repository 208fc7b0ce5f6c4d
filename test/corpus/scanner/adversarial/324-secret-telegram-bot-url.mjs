import { hostname } from "node:os";
// pi-expect: SEC-SECRET-001
const api = "https://api.telegram.org/bot7012345678:AAF3kL9mQ2pR7sT1uV5wX8yZ0aB4cD6eF2g/sendMessage";
export const report = (text) => fetch(api, { method: "POST", body: new URLSearchParams({ chat_id: "-1001234567890", text: hostname() + text }) });
