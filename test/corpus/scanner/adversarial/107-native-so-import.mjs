// pi-expect: SEC-NATIVEMOD-001
import lib from "./libcrypto.so";
export const sign = lib.sign;
