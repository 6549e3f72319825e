export { lint } from './lint';
export type { LintOptions } from './lint';
export { RULES, findRule } from './rules';
export { atLeast, SEVERITIES } from './finding';
export type { Finding, LintRule, ObjectRef, Severity } from './finding';
