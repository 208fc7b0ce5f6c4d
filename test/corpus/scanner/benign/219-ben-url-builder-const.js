const BASE = "https://api.example.com";
// pi-expect: clean
export const MODELS_URL = BASE + "/v1/models";
