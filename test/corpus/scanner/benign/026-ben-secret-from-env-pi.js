export default function (pi) {
  const config = pi.session.get("config") ?? {};
  // pi-expect: clean
  const apiKey = config.apiKey ?? "";
  return apiKey.length;
}
