import { RequestType, type WorkDoneProgressParams } from 'vscode-languageserver-protocol';
import type { DashboardData } from '../dashboards/model';

/** `piSecurity/generateDashboards`: writes every artifact (with work-done progress and cancellation). */
export interface GenerateDashboardsParams extends WorkDoneProgressParams {
  /** Workspace folder URI; the first folder when omitted. */
  folderUri?: string;
  lane?: 'preflight' | 'full';
  presetsOnly?: boolean;
}

export interface DashboardArtifactRef {
  artifact: string;
  /** Absolute file-system path. */
  path: string;
}

export interface DashboardViewPayload {
  /** Workspace folder (file-system path) the dashboards belong to. */
  folder: string;
  data: DashboardData;
  markdown: string;
  /** Absolute paths of every input of the view; the client watches them to refresh. */
  inputs: string[];
}

export interface GenerateDashboardsResult extends DashboardViewPayload {
  written: DashboardArtifactRef[];
  /** Notices for the output channel (ignored baseline, skipped steps). */
  notices: string[];
  verdict: 'pass' | 'warn' | 'fail' | null;
  regressionDetected: boolean | null;
}

export const GenerateDashboardsRequest = new RequestType<GenerateDashboardsParams, GenerateDashboardsResult, void>('piSecurity/generateDashboards');

/** `piSecurity/readDashboards`: the view's data from the artifacts on disk (no writing). */
export interface ReadDashboardsParams {
  folderUri?: string;
}

export const ReadDashboardsRequest = new RequestType<ReadDashboardsParams, DashboardViewPayload, void>('piSecurity/readDashboards');

/** `piSecurity/updateBaseline`: stores the current compatibility dashboard as the baseline (§2.4). */
export interface UpdateBaselineParams {
  folderUri?: string;
  /** Only report what would happen (the confirmation dialog). */
  dryRun?: boolean;
  /** Write even when the update would be refused; the baseline records `forced: true`. */
  force?: boolean;
}

export interface UpdateBaselineResult {
  /** True when the baseline file was written. */
  updated: boolean;
  forced: boolean;
  /** Why a plain update is refused (empty when it is not). */
  refusals: string[];
  /** Absolute path of the baseline file. */
  baselinePath: string;
  notices: string[];
}

export const UpdateBaselineRequest = new RequestType<UpdateBaselineParams, UpdateBaselineResult, void>('piSecurity/updateBaseline');
