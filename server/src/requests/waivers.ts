/**
 * `piSecurity/listWaivers` (tree view, status bar), `piSecurity/writeWaiverAudit` and
 * `piSecurity/addWaiverPlan` (waivers.md §8, §9). Each workspace folder has its own waiver file
 * (`tests/suite_classification.toml`), audit and verdict; an open document's text wins over the disk.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ResponseError, ErrorCodes, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Clock } from '../../../shared/common/clock';
import { prettyJson, writeFileAtomic } from '../../../shared/common/json';
import {
  AddWaiverPlanRequest,
  ListWaiversRequest,
  WriteWaiverAuditRequest,
  type AddWaiverPlanParams,
  type AddWaiverPlanResult,
  type ListWaiversResult,
  type WaiverFolderList,
  type WriteWaiverAuditParams,
  type WriteWaiverAuditResult,
} from '../../../shared/protocol/waivers';
import { type PiSecuritySettings } from '../../../shared/settings/schema';
import { buildWaiverAudit, gateVerdict } from '../../../shared/waivers/audit';
import { addWaiverSnippet, appendWaiverEdit, lensTitle } from '../../../shared/waivers/editor';
import { PLAYBOOK_GATES } from '../../../shared/waivers/model';
import { validateWaiverFile, type WaiverFileResult } from '../../../shared/waivers/validate';
import type { ServerServices } from '../providers/types';

export const WAIVER_FILE = 'tests/suite_classification.toml';
const MAX_BYTES = 32 * 1024 * 1024;

export interface WaiverRequestDeps {
  clock: Clock;
  workspaceFolders(): readonly string[];
  settingsFor(folder: string): Promise<PiSecuritySettings>;
  /** Text of an open document, if the file is open. */
  openText(uri: string): string | undefined;
}

interface Loaded {
  folder: string;
  file: string;
  uri: string;
  exists: boolean;
  text: string | null;
  sha256?: string;
  result: WaiverFileResult | null;
  settings: PiSecuritySettings;
}

async function load(deps: WaiverRequestDeps, folder: string): Promise<Loaded> {
  const settings = await deps.settingsFor(folder);
  const file = join(folder, WAIVER_FILE);
  const uri = pathToFileURL(file).href;
  let text = deps.openText(uri);
  let sha256: string | undefined;
  if (text === undefined) {
    try {
      const st = statSync(file);
      if (st.isFile() && st.size <= MAX_BYTES) {
        const bytes = readFileSync(file);
        sha256 = createHash('sha256').update(bytes).digest('hex');
        text = bytes.toString('utf8');
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
    } catch {
      text = undefined;
    }
  }
  const result = text === undefined ? null : validateWaiverFile(text, { today: deps.clock.today(), knownGates: settings['waivers.knownGates'] });
  return { folder, file, uri, exists: text !== undefined, text: text ?? null, sha256, result, settings };
}

function countsOf(result: WaiverFileResult | null): WaiverFolderList['counts'] {
  const ws = result && !result.syntax ? result.waivers : [];
  const count = (s: string): number => ws.filter((w) => w.status === s).length;
  return { active: count('active'), expiring_soon: count('expiring_soon'), expired: count('expired'), invalid: count('invalid') };
}

export async function listWaiversHandler(deps: WaiverRequestDeps): Promise<ListWaiversResult> {
  const folders: WaiverFolderList[] = [];
  for (const folder of deps.workspaceFolders()) {
    const l = await load(deps, folder);
    const r = l.result;
    folders.push({
      folder,
      fileUri: l.uri,
      exists: l.exists,
      syntaxError: r?.syntax?.message ?? null,
      waivers: (r?.waivers ?? []).map((w) => {
        const pos = r!.lines.positionAt(w.header.start);
        return {
          gateId: w.id,
          status: w.status,
          lens: lensTitle(w),
          detail: w.detail,
          daysRemaining: w.daysRemaining ?? null,
          appliesIn: [...w.appliesIn],
          line: pos.line,
          character: pos.character,
        };
      }),
      counts: countsOf(r),
      verdict: gateVerdict(r),
    });
  }
  return { today: deps.clock.today(), folders };
}

function folderOf(deps: WaiverRequestDeps, folderUri: string | undefined): string {
  if (folderUri) return folderUri.startsWith('file:') ? fileURLToPath(folderUri) : folderUri;
  const folders = deps.workspaceFolders();
  if (folders.length === 0) throw new ResponseError(ErrorCodes.InvalidRequest, 'Pi Security needs an open folder');
  return folders[0];
}

export async function writeWaiverAuditHandler(deps: WaiverRequestDeps, params: WriteWaiverAuditParams): Promise<WriteWaiverAuditResult> {
  const folder = folderOf(deps, params.folderUri);
  const l = await load(deps, folder);
  const audit = buildWaiverAudit({
    result: l.result,
    sourcePath: WAIVER_FILE,
    today: deps.clock.today(),
    nowMs: deps.clock.nowMs(),
    sha256: l.sha256,
  });
  const target = resolve(folder, l.settings['dashboard.paths'].waiverAudit || 'tests/full_suite_gate/waiver_audit.json');
  writeFileAtomic(target, prettyJson(audit));
  return {
    path: target,
    uri: pathToFileURL(target).href,
    verdict: audit.gate_verdict,
    total: audit.total_waivers,
    counts: { active: audit.active, expiring_soon: audit.expiring_soon, expired: audit.expired, invalid: audit.invalid },
  };
}

export async function addWaiverPlanHandler(deps: WaiverRequestDeps, params: AddWaiverPlanParams): Promise<AddWaiverPlanResult> {
  const folder = folderOf(deps, params.folderUri);
  const l = await load(deps, folder);
  const today = deps.clock.today();
  const waived = new Set<string>(l.result?.waivers.map((w) => w.id) ?? []);
  for (const ct of l.result?.location.containers ?? []) if (ct.path[0] === 'waiver' && ct.path.length === 2) waived.add(ct.path[1]);
  const known = l.settings['waivers.knownGates'].filter((g) => !waived.has(g));
  const gates = [...known.filter((g) => PLAYBOOK_GATES[g]), ...known.filter((g) => !PLAYBOOK_GATES[g])].map((id) => ({
    id,
    description: PLAYBOOK_GATES[id] ? `${PLAYBOOK_GATES[id].name}${PLAYBOOK_GATES[id].blocking ? ' · blocking' : ''}` : '',
  }));
  const text = l.text ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edit = appendWaiverEdit(text, 'X');
  const lines = l.result?.lines;
  const pos = lines ? lines.positionAt(edit.offset) : { line: 0, character: 0 };
  return {
    fileUri: l.uri,
    exists: l.exists,
    gates,
    insert: { line: pos.line, character: pos.character, prefix: edit.newText.slice(0, -1) },
    snippetTemplate: addWaiverSnippet(params.owner?.trim() || '<owner>', today, eol),
    today,
  };
}

function toResponseError(error: unknown): never {
  if (error instanceof ResponseError) throw error;
  throw new ResponseError(ErrorCodes.InternalError, error instanceof Error ? error.message : String(error));
}

export function registerWaiverRequests(connection: Connection, server: { services: ServerServices; documents: TextDocuments<TextDocument> }): void {
  const services = server.services;
  const deps: WaiverRequestDeps = {
    clock: services.clock,
    workspaceFolders: () => services.workspaceFolders(),
    settingsFor: (folder) => services.settingsForFolder(folder),
    openText: (uri) => {
      const direct = server.documents.get(uri);
      if (direct) return direct.getText();
      // The client may spell the URI differently (drive letters, escapes): compare file paths.
      const path = fileURLToPath(uri);
      for (const d of server.documents.all()) {
        if (d.uri.startsWith('file:') && fileURLToPath(d.uri) === path) return d.getText();
      }
      return undefined;
    },
  };
  connection.onRequest(ListWaiversRequest, () => listWaiversHandler(deps).catch(toResponseError));
  connection.onRequest(WriteWaiverAuditRequest, (params) => writeWaiverAuditHandler(deps, params ?? {}).catch(toResponseError));
  connection.onRequest(AddWaiverPlanRequest, (params) => addWaiverPlanHandler(deps, params ?? {}).catch(toResponseError));
}
