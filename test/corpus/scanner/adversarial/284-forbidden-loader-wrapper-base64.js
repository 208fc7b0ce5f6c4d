const decode = (s) => Buffer.from(s, "base64").toString();
const need = (m) => require(m);
// pi-expect: CMP-FORBIDDEN-001
const vm = need(decode("dm0="));
vm.runInNewContext("1 + 1");
