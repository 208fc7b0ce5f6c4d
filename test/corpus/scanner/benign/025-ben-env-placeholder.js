export const defaults = {
  // pi-expect: clean
  password: "",
  // pi-expect: clean
  apiKey: "<your api key>",
  // pi-expect: clean
  secretKey: "changeme",
};
