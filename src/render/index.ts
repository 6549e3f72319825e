export { explainToText } from './explain-text';
export { explainToJson } from './explain-json';
export { flowRows, type FlowRow } from './flow-rows';
export { focusOn, focusRanges } from './focus';
export { isReachFormatName, REACH_FORMAT_NAMES, renderReach, type ReachFormatName } from './reach-formats';
export { toCsv } from './csv';
export { toMarkdownTable } from './markdown-table';
