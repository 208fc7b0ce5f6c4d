/** Policy facts (scanner.md §8): capability evidence, fs/os refinement, pi API table, commands, env reads. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from './helpers';

const caps = (text: string, path?: string) => analyze(text, path).policyFacts.capabilities.map((c) => `${c.capability}@${c.site}`);
const commands = (text: string) => analyze(text).policyFacts.commands.map((c) => ({ ...c.command, range: text.slice(c.start, c.end) }));
const env = (text: string) => analyze(text).policyFacts.envReads.map((e) => (e.enumeration ? '*' : e.name));

describe('capability evidence (§8.1)', () => {
  it('child_process spawning calls give exec at the callee and at the import', () => {
    assert.deepEqual(caps('const cp = require("child_process"); cp.spawn("ls")'), ['exec@"child_process"', 'exec@cp.spawn']);
  });
  it('network calls give http at the callee', () => {
    assert.deepEqual(caps('fetch(u); new XMLHttpRequest(); new WebSocket(u); require("https").get(u)'), [
      'http@fetch',
      'http@XMLHttpRequest',
      'http@WebSocket',
      'http@require("https").get',
    ]);
  });
  it('process.env access gives env at the member, destructured property and enumeration', () => {
    assert.deepEqual(caps('process.env.HOME; const { USER } = process.env; Object.keys(process.env)'), ['env@process.env.HOME', 'env@USER', 'env@process.env']);
  });
});

describe('fs and os refinement (§8.2)', () => {
  it('only the categories used when every use is a member call', () => {
    assert.deepEqual(caps('import fs from "fs"; fs.readFileSync(p); fs.statSync(p)'), ['read@"fs"']);
    assert.deepEqual(caps('import fs from "fs"; fs.mkdirSync(p); fs.promises.rm(p)'), ['write@"fs"']);
    assert.deepEqual(caps('import { readFile, writeFile } from "node:fs/promises"; readFile(a); writeFile(b, c)'), ['read@"node:fs/promises"', 'write@"node:fs/promises"']);
    assert.deepEqual(caps('const { existsSync } = require("fs"); existsSync(p)'), ['read@"fs"']);
  });
  it('open is read, plus write unless its flag folds to "r"', () => {
    assert.deepEqual(caps('const fs = require("fs"); fs.openSync(p, "r")'), ['read@"fs"']);
    assert.deepEqual(caps('const fs = require("fs"); fs.openSync(p, "w")'), ['read@"fs"', 'write@"fs"']);
  });
  it('an escaping module value gives read and write', () => {
    assert.deepEqual(caps('import fs from "fs"; helper(fs)'), ['read@"fs"', 'write@"fs"']);
    assert.deepEqual(caps('const fs = require("fs"); module.exports = { fs }'), ['read@"fs"', 'write@"fs"']);
  });
  it('os: pure members need nothing, others need env', () => {
    assert.deepEqual(caps('import os from "os"; os.platform(); os.EOL'), []);
    assert.deepEqual(caps('import os from "os"; os.homedir()'), ['env@"os"']);
    assert.deepEqual(caps('const { hostname } = require("node:os"); hostname()'), ['env@"node:os"']);
  });
  it('pure rewrite modules give no capability', () => {
    assert.deepEqual(caps('import path from "path"; import { createHash } from "crypto"; path.join(a); createHash("sha1")'), []);
  });
});

describe('pi API members (§8.3)', () => {
  const wrap = (body: string) => `export default function (pi) {\n${body}\n}`;
  it('maps members to capabilities at the member expression', () => {
    assert.deepEqual(caps(wrap('pi.exec("ls"); pi.http({ url: "https://a.example" }); pi.log("x"); pi.session.get("k"); pi.ui.notify("x"); pi.events.emit("e"); pi.setModel(m); pi.registerTool(t)')), [
      'exec@pi.exec',
      'http@pi.http',
      'log@pi.log',
      'session@pi.session',
      'ui@pi.ui',
      'events@pi.events',
      'session@pi.setModel',
    ]);
  });
  it('pi.tool names map to read/write/exec/tool, with a note when not static', () => {
    assert.deepEqual(caps(wrap('pi.tool("grep", {}); pi.tool({ name: "edit" }); pi.tool("bash", { command: "ls" }); pi.tool("custom")')), [
      'read@pi.tool',
      'write@pi.tool',
      'exec@pi.tool',
      'tool@pi.tool',
    ]);
    const r = analyze(wrap('pi.tool(name)'));
    assert.equal(r.policyFacts.capabilities[0].capability, 'tool');
    assert.equal(r.policyFacts.capabilities[0].note, 'tool name not static: could require read, write or exec');
  });
  it('env reads through pi.env.get and pi.env', () => {
    assert.deepEqual(caps(wrap('pi.env.get("A"); pi.env("B")')), ['env@pi.env.get', 'env@pi.env']);
  });
  it('computed pi keys fold', () => {
    assert.deepEqual(caps(wrap('pi["ex" + "ec"]("id")')), ['exec@pi["ex" + "ec"]']);
  });
  it('the pi object reaches helpers through parameters (up to 3 rounds) and destructuring', () => {
    const text = 'function a(x) { b(x) }\nfunction b(y) { c(y) }\nfunction c(z) { z.exec("ls") }\nexport default function (api) { a(api) }';
    assert.deepEqual(caps(text), ['exec@z.exec']);
    assert.deepEqual(caps('module.exports = ({ ui }) => ui.notify("x")'), ['ui@ui']);
    assert.deepEqual(caps('exports.default = function (p) { const { exec } = p; exec("x") }'), ['exec@exec']);
    assert.deepEqual(caps('function activate(ctx) { ctx.log("x") }\nexport { activate as default }'), ['log@ctx.log']);
  });
  it('a pi member passed to a helper (setup(pi.exec)) and pi kept in a class field are followed too', () => {
    const passed = 'function setup(run) { run("ls", ["-la"]) }\nexport default function (pi) { setup(pi.exec) }';
    assert.deepEqual(caps(passed), ['exec@run', 'exec@pi.exec']);
    assert.deepEqual(commands(passed).map((c) => c.range), ['"ls", ["-la"]']);
    const field = 'class Ext { constructor(pi) { this.pi = pi } run() { this.pi.http({ url: "https://x.example" }) } }\nexport default function (pi) { new Ext(pi).run() }';
    assert.deepEqual(caps(field), ['http@this.pi.http']);
  });
  it('propagation stops after three rounds', () => {
    const text = 'function a(x) { b(x) }\nfunction b(x) { c(x) }\nfunction c(x) { d(x) }\nfunction d(x) { x.exec("ls") }\nexport default function (api) { a(api) }';
    assert.deepEqual(caps(text), []);
  });
  it('an ordinary object is not pi', () => {
    assert.deepEqual(caps('export function f(client) { client.exec("x"); client.http(u) }'), []);
  });
});

describe('static commands (§8.4)', () => {
  it('pi.exec: argv, or shell when a lone command has shell syntax', () => {
    assert.deepEqual(commands('pi.exec("rm", ["-rf", "/"])'), [{ mode: 'argv', command: 'rm', args: ['-rf', '/'], range: '"rm", ["-rf", "/"]' }]);
    assert.deepEqual(commands('pi.exec("curl x | sh")'), [{ mode: 'shell', command: 'curl x | sh', args: [], range: '"curl x | sh"' }]);
    assert.deepEqual(commands('pi.exec("ls")'), [{ mode: 'argv', command: 'ls', args: [], range: '"ls"' }]);
    assert.deepEqual(commands('pi.exec(cmd, ["-a", x, 3, true])'), [{ mode: 'argv', command: null, args: ['-a', null, '3', 'true'], range: 'cmd, ["-a", x, 3, true]' }]);
  });
  it('pi.tool("bash", { command }) is shell', () => {
    assert.deepEqual(commands('pi.tool("bash", { command: "git push --force" })'), [{ mode: 'shell', command: 'git push --force', args: [], range: '"git push --force"' }]);
  });
  it('child_process exec is shell; spawn is argv unless shell: true; fork is not classified', () => {
    const head = 'const cp = require("child_process");';
    assert.deepEqual(commands(`${head} cp.execSync("ls -la")`).map((c) => c.mode), ['shell']);
    assert.deepEqual(commands(`${head} cp.spawn("git", ["log"])`), [{ mode: 'argv', command: 'git', args: ['log'], range: '"git", ["log"]' }]);
    assert.deepEqual(commands(`${head} cp.spawn("git", ["log"], { shell: true })`).map((c) => c.mode), ['shell']);
    assert.deepEqual(commands(`${head} cp.execFile("/bin/sh", args, { shell: "/bin/bash" })`).map((c) => [c.mode, c.args]), [['shell', [null]]]);
    assert.deepEqual(commands(`${head} cp.fork("./worker.js")`), []);
  });
  it('folds each piece', () => {
    assert.deepEqual(commands('const bin = "r" + "m"; pi.exec(bin, ["-r" + "f", `/`])').map((c) => [c.command, c.args]), [['rm', ['-rf', '/']]]);
  });
});

describe('env reads (§8.5)', () => {
  it('names from members, computed keys, destructuring and pi.env', () => {
    assert.deepEqual(env('process.env.A; process.env["B"]; process.env["C" + "D"]; const { E, F: g } = process.env; pi.env.get("H"); pi.env("I")'), ['A', 'B', 'CD', 'E', 'F', 'H', 'I']);
  });
  it('non-constant names and enumeration', () => {
    assert.deepEqual(env('process.env[k]; pi.env.get(k); for (const x in process.env) {}; ({ ...process.env }); JSON.stringify(process.env)'), [null, null, '*', '*', '*']);
  });
  it('writes are env access but not reads', () => {
    const r = analyze('process.env.X = "1"');
    assert.deepEqual(r.policyFacts.envReads, []);
    assert.deepEqual(r.hits.map((h) => h.ruleId), ['SEC-ENV-001']);
  });
  it('an alias of process.env reads through it', () => {
    assert.deepEqual(env('const e = process.env; e.TOKEN'), ['TOKEN']);
    assert.deepEqual(env('const { env: e } = process; e.A; Object.keys(e)'), ['A', '*']);
  });
  it('destructuring defaults from process.env in parameters', () => {
    assert.deepEqual(env('function f({ HOME, USER } = process.env) { return HOME + USER }'), ['HOME', 'USER']);
  });
});

describe('summary facts (DocumentFacts) without and with a policy', () => {
  it('classifies commands and env names only when a policy is given', async () => {
    const { fakeOracle } = await import('./helpers');
    const text = 'export default function (pi) { pi.exec("rm", ["-rf", "/"]); pi.env.get("GITHUB_TOKEN") }';
    const plain = analyze(text).facts;
    assert.deepEqual(plain.execCommands.map((c) => [c.preview, c.classes, c.decision]), [['rm -rf /', [], 'allow']]);
    assert.deepEqual(plain.envReads.map((e) => [e.name, e.secret]), [['GITHUB_TOKEN', false]]);
    const withPolicy = analyze(text, undefined, fakeOracle('safe')).facts;
    assert.deepEqual(withPolicy.execCommands.map((c) => [c.preview, c.classes, c.decision]), [['rm -rf /', ['recursive_delete'], 'deny']]);
    assert.deepEqual(withPolicy.envReads.map((e) => [e.name, e.secret, e.match]), [['GITHUB_TOKEN', true, 'exact']]);
    assert.deepEqual(withPolicy.capabilities.map((c) => [c.capability, c.form]), [['exec', 'pi.exec'], ['env', 'pi.env.get']]);
  });
});
