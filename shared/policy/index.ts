/** Public surface of the policy evaluator (policy.md). */
export * from './capabilities';
export * from './profiles';
export * from './effective';
export * from './evaluate';
export * from './resolve';
export * from './explain';
export * from './secrets';
export * from './oracle';
export { mediate, compileMediation, type ExecDecision, type ExecInput, type ExecMediationConfig } from './exec/mediate';
export { EXEC_CLASSES, type ExecClassName } from './exec/classify';
export { compilePattern } from './exec/patterns';
export { loadConfigText, type ConfigDiagnostic, type LoadedConfig, type QuickFix } from './config/load';
export { generateSettingsJsonSchema, piSettingsSchema } from './config/model';
