/** Waiver requests (waivers.md §8, §9): tree view listing, audit writing, "Add Waiver…" support. */
import { RequestType } from 'vscode-languageserver-protocol';

export type WaiverStatusName = 'active' | 'expiring_soon' | 'expired' | 'invalid';

export interface WaiverListItem {
  gateId: string;
  status: WaiverStatusName;
  /** The CodeLens text (waivers.md §9), used as the tree item description. */
  lens: string;
  detail: string;
  daysRemaining: number | null;
  appliesIn: ('preflight' | 'full')[];
  /** Where the waiver's header (table key) is: zero-based LSP position. */
  line: number;
  character: number;
}

export interface WaiverFolderList {
  /** Workspace folder (file-system path). */
  folder: string;
  /** URI of the folder's `tests/suite_classification.toml` (whether or not it exists). */
  fileUri: string;
  exists: boolean;
  /** WVR-SYNTAX message when the file is not valid TOML. */
  syntaxError: string | null;
  /** In document order; the client groups them by status. */
  waivers: WaiverListItem[];
  counts: { active: number; expiring_soon: number; expired: number; invalid: number };
  verdict: { gate_id: 'waiver_lifecycle'; status: 'pass' | 'warn' | 'fail'; detail: string };
}

export type ListWaiversParams = Record<string, never>;

export interface ListWaiversResult {
  today: string;
  folders: WaiverFolderList[];
}

export const ListWaiversRequest = new RequestType<ListWaiversParams, ListWaiversResult, void>('piSecurity/listWaivers');

export interface WriteWaiverAuditParams {
  /** The workspace folder to write the audit for; the first folder when omitted. */
  folderUri?: string;
}

export interface WriteWaiverAuditResult {
  /** Absolute path and URI of the written `waiver_audit.json`. */
  path: string;
  uri: string;
  verdict: { gate_id: 'waiver_lifecycle'; status: 'pass' | 'warn' | 'fail'; detail: string };
  total: number;
  counts: { active: number; expiring_soon: number; expired: number; invalid: number };
}

export const WriteWaiverAuditRequest = new RequestType<WriteWaiverAuditParams, WriteWaiverAuditResult, void>('piSecurity/writeWaiverAudit');

export interface AddWaiverPlanParams {
  folderUri?: string;
  /** Owner to prefill (the client passes git `user.name`); `<owner>` when absent. */
  owner?: string;
}

export interface AddWaiverPlanResult {
  fileUri: string;
  exists: boolean;
  /** Known gate ids not yet waived, playbook gates first. */
  gates: { id: string; description: string }[];
  /** Snippet per gate id is built by `snippetFor`; the insertion point and the separator are fixed here. */
  insert: { line: number; character: number; prefix: string };
  /** Snippet text for the entry with `__GATE__` standing for the chosen gate id. */
  snippetTemplate: string;
  today: string;
}

export const AddWaiverPlanRequest = new RequestType<AddWaiverPlanParams, AddWaiverPlanResult, void>('piSecurity/addWaiverPlan');

/** The snippet for one gate (the gate id is a plain identifier; nothing to escape). */
export function snippetFor(plan: AddWaiverPlanResult, gateId: string): string {
  return plan.snippetTemplate.split('__GATE__').join(gateId.replace(/[$}\\]/g, '\\$&'));
}
