/** Every CLI command; `pi-sec --help` lists them in this order. */
import type { CliCommand } from '../types';
import { calibrateCommand } from './calibrate';
import { dashboardCommands } from './dashboard';
import { execClassifyCommand } from './execClassify';
import { ledgerReplayCommand, ledgerVerifyCommand } from './ledger';
import { policyCheckConfigCommand } from './policyCheckConfig';
import { policyExplainCommand } from './policyExplain';
import { scanCommand } from './scan';
import { secretsClassifyCommand, secretsCoverageCommand } from './secrets';
import { waiversCommand } from './waivers';

export const COMMANDS: readonly CliCommand[] = [
  scanCommand,
  waiversCommand,
  policyExplainCommand,
  policyCheckConfigCommand,
  execClassifyCommand,
  secretsClassifyCommand,
  secretsCoverageCommand,
  ...dashboardCommands,
  calibrateCommand,
  ledgerVerifyCommand,
  ledgerReplayCommand,
];
