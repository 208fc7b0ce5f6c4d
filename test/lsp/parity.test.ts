/**
 * Parity (spec README "Parity"): with default settings the editor, the CLI's JSON output and its SARIF
 * output report the same findings for the same files, configuration and date.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../shared/common/clock';
import { runCli } from '../../server/src/cli/main';
import { startLspSession, type LspSession } from './harness';

const WORKSPACE = join(__dirname, '..', '..', 'examples', 'workspace');
const NOW = Date.UTC(2026, 10, 24, 12);
const ENV = { PI_SEC_NOW_MS: String(NOW) };

interface JsonFinding {
  rule_id: string;
  file: string;
  line: number;
  column: number;
  end_line: number;
  end_column: number;
  suppression: unknown;
}
interface SarifResult {
  ruleId: string;
  suppressions?: unknown[];
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
}

async function cliJson(format: 'json' | 'sarif', cwd = WORKSPACE): Promise<unknown> {
  let out = '';
  const code = await runCli(['scan', '--format', format, '--fail-on', 'never'], { stdout: (t) => (out += t), stderr: () => undefined, cwd, env: ENV });
  assert.equal(code, 0);
  return JSON.parse(out);
}

const key = (file: string, rule: string, l: number, c: number, el: number, ec: number) => `${file}:${l}:${c}-${el}:${ec} ${rule}`;

describe('parity between the editor, CLI JSON and SARIF on the sample workspace', () => {
  let lsp: LspSession;
  let json: { findings: JsonFinding[] };
  let sarif: { runs: { results: SarifResult[] }[] };
  before(async () => {
    lsp = await startLspSession({ workspace: WORKSPACE, clock: fixedClock(NOW) });
    json = (await cliJson('json')) as typeof json;
    sarif = (await cliJson('sarif')) as typeof sarif;
  });
  after(() => lsp.close());

  it('reports the same unsuppressed findings in all three outputs', async () => {
    const files = [...new Set(json.findings.map((f) => f.file))];
    assert.ok(files.length >= 2, `sample workspace has findings in several files (${files.join(', ')})`);
    const fromJson = json.findings.filter((f) => f.suppression === null).map((f) => key(f.file, f.rule_id, f.line, f.column, f.end_line, f.end_column)).sort();
    const fromSarif = sarif.runs[0].results
      .filter((r) => !r.suppressions || r.suppressions.length === 0)
      .map((r) => {
        const loc = r.locations[0].physicalLocation;
        return key(loc.artifactLocation.uri, r.ruleId, loc.region.startLine, loc.region.startColumn, loc.region.endLine, loc.region.endColumn);
      })
      .sort();
    const fromEditor: string[] = [];
    for (const file of files) {
      const uri = await lsp.open(file, readFileSync(join(WORKSPACE, file), 'utf8'));
      for (const d of await lsp.diagnostics(uri)) {
        fromEditor.push(key(file, String(d.code), d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1));
      }
    }
    assert.deepEqual(fromSarif, fromJson);
    assert.deepEqual(fromEditor.sort(), fromJson);
  });

  it('includes suppressed findings in SARIF with an inSource suppression object', () => {
    const suppressedJson = json.findings.filter((f) => f.suppression !== null).length;
    const suppressedSarif = sarif.runs[0].results.filter((r) => r.suppressions && r.suppressions.length > 0).length;
    assert.equal(suppressedSarif, suppressedJson);
  });
});

describe('parity while editing: the editor\'s incremental scan matches the CLI after every change', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'pi-parity-edit-'));
  const file = '.pi/extensions/git-helper/index.ts';
  let lsp: LspSession;
  before(async () => {
    cpSync(WORKSPACE, workspace, { recursive: true });
    lsp = await startLspSession({ workspace, clock: fixedClock(NOW) });
  });
  after(async () => {
    await lsp.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('matches after edits that add, move and remove findings', async () => {
    const original = readFileSync(join(WORKSPACE, file), 'utf8');
    const versions = [
      original,
      original.replace('const cmd = "git status --porcelain";', 'const cmd = "git status --porcelain";\n    const e = eval;\n    e(cmd);'),
      '// a new first line moves every finding down\n' + original,
      original.replace('import { exec } from "child_process";', 'import { execFile as exec } from "child_process";'),
      original.replace('await pi.exec("rm", ["-rf", "/"]);', ''),
      original.replace('export default function activate', 'export function activate'),
      original,
    ];
    const uri = await lsp.open(file, versions[0]);
    for (const [i, text] of versions.entries()) {
      if (i > 0) await lsp.change(uri, text);
      writeFileSync(join(workspace, file), text);
      const json = (await cliJson('json', workspace)) as { findings: JsonFinding[] };
      const fromCli = json.findings.filter((f) => f.file === file && f.suppression === null).map((f) => key(f.file, f.rule_id, f.line, f.column, f.end_line, f.end_column)).sort();
      const fromEditor = (await lsp.diagnostics(uri)).map((d) => key(file, String(d.code), d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1)).sort();
      assert.deepEqual(fromEditor, fromCli, `version ${i}`);
      assert.ok(fromCli.length > 0, `version ${i} has findings`);
    }
  });
});
