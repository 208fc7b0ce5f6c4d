const settings = {};
// pi-expect: SEC-SECRET-001
settings.authToken = "f3a9c2e1b7d84a6c";
export default settings;
