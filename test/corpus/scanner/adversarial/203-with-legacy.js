var ctx = { a: 1 };
// pi-expect: SEC-WITH-001
with (ctx) { console.log(a); }
