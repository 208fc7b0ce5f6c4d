export default function (pi) {
  // pi-expect: SEC-ENV-001
  const key = pi.env.get("OPENAI_API_KEY");
  return key;
}
