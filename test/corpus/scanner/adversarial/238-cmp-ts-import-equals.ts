// pi-expect: CMP-FORBIDDEN-001
import vm = require("vm");
export const ctx = vm.createContext({});
