/** Every CLI command; `pi-sec --help` lists them in this order. */
import type { CliCommand } from '../types';
import { scanCommand } from './scan';

export const COMMANDS: readonly CliCommand[] = [scanCommand];
