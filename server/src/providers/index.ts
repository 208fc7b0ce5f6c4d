/** Every document provider, in routing order: the first that handles a document owns it. */
import { scannerProvider } from './scanner';
import type { DocumentProvider } from './types';
import { waiversProvider } from './waivers';

export const PROVIDERS: readonly DocumentProvider[] = [scannerProvider, waiversProvider];
