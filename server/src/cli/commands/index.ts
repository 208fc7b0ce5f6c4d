/** Every CLI command; `pi-sec --help` lists them in this order. */
import type { CliCommand } from '../types';
import { dashboardCommands } from './dashboard';
import { execClassifyCommand } from './execClassify';
import { policyCheckConfigCommand } from './policyCheckConfig';
import { policyExplainCommand } from './policyExplain';
import { scanCommand } from './scan';
import { secretsClassifyCommand, secretsCoverageCommand } from './secrets';

export const COMMANDS: readonly CliCommand[] = [
  scanCommand,
  policyExplainCommand,
  policyCheckConfigCommand,
  execClassifyCommand,
  secretsClassifyCommand,
  secretsCoverageCommand,
  ...dashboardCommands,
];
