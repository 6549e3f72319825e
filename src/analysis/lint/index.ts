export { lint } from './lint';
export type { LintOptions } from './lint';
export { RULES, findRule } from './rules';
export { atLeast, SEVERITIES } from './finding';
export { acknowledgementAnnotation, failingFindings } from './acknowledgements';
export type { Finding, LintRule, ObjectRef, Severity } from './finding';
export type { ApiRejection } from './api-invalid';
