/**
 * Registers every contributed command (README "Activation": all at once, at activation). Each area
 * registers its own commands; ids not registered by any area get a clear "not available" answer so
 * the palette never shows a command that does nothing.
 */
import * as vscode from 'vscode';
import type { ClientContext } from '../context';
import { registerDashboardCommands } from './dashboards';
import { registerPolicyCommands } from './policy';
import { registerRiskCommands } from './risk';
import { registerScannerCommands } from './scanner';
import { registerWaiverCommands } from './waivers';

const AREA_REGISTRATIONS: ReadonlyArray<(ctx: ClientContext) => readonly string[]> = [
  registerScannerCommands,
  registerDashboardCommands,
  registerPolicyCommands,
  registerWaiverCommands,
  registerRiskCommands,
];

/** Commands registered in extension.ts itself. */
const CORE_COMMANDS = ['piSecurity.showOutput', 'piSecurity.restartServer'];

export function registerAllCommands(ctx: ClientContext): void {
  const registered = new Set(CORE_COMMANDS);
  for (const register of AREA_REGISTRATIONS) for (const id of register(ctx)) registered.add(id);
  const contributed = (ctx.extension.extension.packageJSON as { contributes?: { commands?: { command: string; title: string }[] } }).contributes?.commands ?? [];
  for (const { command, title } of contributed) {
    if (registered.has(command)) continue;
    ctx.extension.subscriptions.push(
      vscode.commands.registerCommand(command, () => {
        void vscode.window.showInformationMessage(`Pi Security: ${title} is not available in this build yet.`);
      }),
    );
  }
}
