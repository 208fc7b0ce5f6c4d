import { RequestType, type WorkDoneProgressParams } from 'vscode-languageserver-protocol';
import type { VerificationReport } from '../risk/ledgerSchema';
import type { CalibrationReport, SettingsPatch } from '../risk/report';
import type { SettingsTextEdit } from '../risk/settingsEdit';

/** `piSecurity/calibrate` (risk.md §5): runs the calibration with work-done progress and cancellation. */
export interface CalibrateParams extends WorkDoneProgressParams {
  /** Workspace folder URI; the first folder when omitted. */
  folderUri?: string;
  /** Trace files (file URIs or absolute/workspace-relative paths). */
  traces: string[];
  /** Defaults: `piSecurity.calibration.alphaGrid` / `windowGrid`. */
  alphaGrid?: number[];
  windowGrid?: number[];
  policyMode?: 'permissive' | 'effective';
  promptAnswer?: 'allow' | 'deny';
  simulateEnforcement?: boolean;
  latencyRuns?: number;
  noLatency?: boolean;
  /** Where to write the report; default `piSecurity.dashboard.paths.calibrationReport`. */
  out?: string;
}

export interface CalibrateResult {
  report: CalibrationReport;
  /** Absolute path of the written report. */
  reportPath: string;
  /** Absolute folder path. */
  folder: string;
  markdown: string;
  /** Notices for the output channel (e.g. a config file that failed closed, so defaults were used). */
  notices: string[];
}

export const CalibrateRequest = new RequestType<CalibrateParams, CalibrateResult, void>('piSecurity/calibrate');

/** `piSecurity/verifyLedger` (risk.md §3.6). */
export interface VerifyLedgerParams {
  /** Ledger file URI or path (artifact JSON or JSONL). */
  uri: string;
}

export interface VerifyLedgerResult {
  path: string;
  verification: VerificationReport;
}

export const VerifyLedgerRequest = new RequestType<VerifyLedgerParams, VerifyLedgerResult, void>('piSecurity/verifyLedger');

/** `piSecurity/riskSettingsEdit` (risk.md §5.8): the minimal edit of `.pi/settings.json` applying a settings patch. */
export interface RiskSettingsEditParams {
  folderUri?: string;
  patch: SettingsPatch;
  /** The current text of the file when it is open in the editor (unsaved changes); else read from disk. */
  text?: string | null;
}

export interface RiskSettingsEditResult {
  /** Absolute path of `.pi/settings.json`. */
  path: string;
  uri: string;
  created: boolean;
  /** Edits against the current text (offsets in UTF-16 code units); empty when created. */
  edits: SettingsTextEdit[];
  newText: string;
}

export const RiskSettingsEditRequest = new RequestType<RiskSettingsEditParams, RiskSettingsEditResult, void>('piSecurity/riskSettingsEdit');
