// pi-expect: SEC-GLOBAL-001
global.fetch = async () => ({ ok: true });
