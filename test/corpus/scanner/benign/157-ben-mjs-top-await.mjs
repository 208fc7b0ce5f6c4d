const res = await Promise.resolve({ ok: true });
// pi-expect: clean
export default res.ok;
