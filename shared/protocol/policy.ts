/** Policy requests (README "LSP"): explain, classify a command, classify an env var name. */
import { RequestType } from 'vscode-languageserver-protocol';
import type { ClassifyCommandResult } from '../policy/classifyCommand';
import type { PolicyExplain } from '../policy/explain';
import type { SecretMatch } from '../policy/secrets';

export interface ExplainPolicyParams {
  /** A file or folder URI selecting the workspace folder (project layer); the first folder when omitted. */
  uri?: string;
  /** Extension id, or null for global decisions only. */
  extensionId: string | null;
}

export interface ExplainPolicyResult {
  explain: PolicyExplain;
  /** Read-only Markdown view of the explain document. */
  markdown: string;
  /** Extension ids discovered in the workspace (for the quick pick). */
  extensionIds: string[];
}

export const ExplainPolicyRequest = new RequestType<ExplainPolicyParams, ExplainPolicyResult, void>('piSecurity/explainPolicy');

export interface ListExtensionIdsParams {
  uri?: string;
}

export const ListPolicyExtensionIdsRequest = new RequestType<ListExtensionIdsParams, string[], void>('piSecurity/policyExtensionIds');

export interface ClassifyCommandParams {
  uri?: string;
  /** Shell text (shell mode) … */
  command?: string;
  /** … or argv (argv mode). */
  argv?: string[];
}

export interface ClassifyCommandResponse {
  result: ClassifyCommandResult;
  markdown: string;
}

export const ClassifyCommandRequest = new RequestType<ClassifyCommandParams, ClassifyCommandResponse, void>('piSecurity/classifyCommand');

export interface ClassifyEnvNameParams {
  uri?: string;
  names: string[];
}

export interface ClassifyEnvNameResponse {
  placeholder: string;
  results: { name: string; secret: boolean; match: SecretMatch; pattern: string | null }[];
  markdown: string;
}

export const ClassifyEnvNameRequest = new RequestType<ClassifyEnvNameParams, ClassifyEnvNameResponse, void>('piSecurity/classifyEnvName');
