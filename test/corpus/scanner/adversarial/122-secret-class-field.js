export class Client {
  // pi-expect: SEC-SECRET-001
  privateKey = "MIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7";
}
