/**
 * Typed custom requests shared by client and server (no `vscode` import). One module per area;
 * both sides import the same `RequestType` objects, so method names and payloads cannot drift.
 */
export * from './scanner';
export * from './dashboards';
export * from './waivers';
export * from './policy';
export * from './risk';
