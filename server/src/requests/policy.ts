/** `piSecurity/explainPolicy`, `piSecurity/classifyCommand`, `piSecurity/classifyEnvName` (policy.md §8–§10). */
import { homedir } from 'node:os';
import type { Connection } from 'vscode-languageserver';
import { classifyCommandAllProfiles } from '../../../shared/policy/classifyCommand';
import { editorCliOptions, editorEnv, editorGlobalDir } from '../../../shared/policy/editorInput';
import { explainPolicy } from '../../../shared/policy/explain';
import { formatClassifyMarkdown, formatEnvNamesMarkdown, formatExplainMarkdown } from '../../../shared/policy/markdown';
import type { ProfileName } from '../../../shared/policy/profiles';
import { resolvePolicy, type Resolution } from '../../../shared/policy/resolve';
import { createSecretBroker } from '../../../shared/policy/secrets';
import {
  ClassifyCommandRequest,
  ClassifyEnvNameRequest,
  ExplainPolicyRequest,
  ListPolicyExtensionIdsRequest,
} from '../../../shared/protocol';
import { discoverUnits } from '../../../shared/scanner/discovery';
import { parseSettings, SETTINGS_SECTION, type PiSecuritySettings } from '../../../shared/settings/schema';
import { fsPathToUri, locate } from '../documentContext';
import type { ServerHandle } from '../startServer';

interface Scope {
  folder: string | null;
  settings: PiSecuritySettings;
}

export function registerPolicyRequests(connection: Connection, server: ServerHandle): void {
  const scopeFor = async (uri: string | undefined): Promise<Scope> => {
    const folders = server.services.workspaceFolders();
    const location = uri ? locate(uri, folders) : null;
    const folder = location?.workspaceFolder ?? folders[0] ?? null;
    let settings: PiSecuritySettings;
    try {
      const scopeUri = uri ?? (folder ? fsPathToUri(folder) : undefined);
      settings = parseSettings(await connection.workspace.getConfiguration(scopeUri ? { scopeUri, section: SETTINGS_SECTION } : { section: SETTINGS_SECTION }));
    } catch {
      settings = parseSettings({});
    }
    return { folder, settings };
  };

  const resolveFor = (scope: Scope, profile?: ProfileName): Resolution => {
    const cli = editorCliOptions(scope.settings);
    if (profile) {
      cli.profile = profile;
      cli.profileDetail = 'piSecurity.classifyCommand';
    }
    return resolvePolicy({
      env: editorEnv(scope.settings, server.services.env),
      projectDir: scope.folder,
      globalDir: editorGlobalDir(scope.settings),
      homeDir: homedir(),
      cwd: scope.folder ?? homedir(),
      cli,
    });
  };

  const extensionIds = (scope: Scope): string[] => {
    const ids = new Set<string>();
    for (const folder of scope.folder ? [scope.folder, ...server.services.workspaceFolders().filter((f) => f !== scope.folder)] : server.services.workspaceFolders()) {
      try {
        for (const u of discoverUnits({ base: folder, roots: scope.settings['extensions.roots'], ids: scope.settings['extensions.ids'], exclude: scope.settings['scan.exclude'] })) {
          if (u.extensionId) ids.add(u.extensionId);
        }
      } catch {
        // unreadable folder: no ids from it
      }
    }
    const resolution = resolveFor(scope);
    for (const id of resolution.policy.perExtension.keys()) ids.add(id);
    return [...ids].sort();
  };

  connection.onRequest(ListPolicyExtensionIdsRequest, async (params) => extensionIds(await scopeFor(params.uri)));

  connection.onRequest(ExplainPolicyRequest, async (params) => {
    const scope = await scopeFor(params.uri);
    const explain = explainPolicy(resolveFor(scope).policy, params.extensionId === '' ? null : params.extensionId);
    return { explain, markdown: formatExplainMarkdown(explain), extensionIds: extensionIds(scope) };
  });

  connection.onRequest(ClassifyCommandRequest, async (params) => {
    const scope = await scopeFor(params.uri);
    const input = params.argv !== undefined ? { mode: 'argv' as const, argv: params.argv } : { mode: 'shell' as const, command: params.command ?? '' };
    const effective = resolveFor(scope).policy;
    const result = classifyCommandAllProfiles(input, (p) => resolveFor(scope, p).policy, effective);
    return { result, markdown: formatClassifyMarkdown(result) };
  });

  connection.onRequest(ClassifyEnvNameRequest, async (params) => {
    const scope = await scopeFor(params.uri);
    const policy = resolveFor(scope).policy;
    const broker = createSecretBroker(policy.secretBroker);
    const results = params.names.map((n) => broker.classify(n));
    return { placeholder: policy.secretBroker.redactionPlaceholder, results, markdown: formatEnvNamesMarkdown(results, policy.secretBroker.redactionPlaceholder) };
  });
}
