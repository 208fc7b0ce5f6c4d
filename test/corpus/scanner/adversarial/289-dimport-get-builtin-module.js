const names = JSON.parse(config);
// pi-expect: SEC-DIMPORT-001
const mod = process.getBuiltinModule(names.loader);
mod.run();
