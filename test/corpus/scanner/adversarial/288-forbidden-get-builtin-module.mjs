const { getBuiltinModule } = globalThis.process;
// pi-expect: CMP-FORBIDDEN-001
const vm = getBuiltinModule("node:vm");
vm.runInThisContext(payload);
