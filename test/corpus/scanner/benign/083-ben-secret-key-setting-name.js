export const SETTINGS = {
  // pi-expect: clean
  apiKeySetting: "myExtension.apiKey",
  // pi-expect: clean
  passwordStorageKey: "my-extension/password",
};
