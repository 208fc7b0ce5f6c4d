/** Every document provider, in routing order: the first that handles a document owns it. */
import { configProvider } from './config';
import { scannerProvider } from './scanner';
import type { DocumentProvider } from './types';
import { waiversProvider } from './waivers';

export const PROVIDERS: readonly DocumentProvider[] = [scannerProvider, waiversProvider, configProvider];
