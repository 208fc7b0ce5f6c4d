const factories = new Map();
// pi-expect: SEC-FUNC-001
factories.set("fn", Function);
export default factories;
