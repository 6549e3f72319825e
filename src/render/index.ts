export { explainToText } from './explain-text';
export { explainToJson } from './explain-json';
export { flowRows, type FlowRow } from './flow-rows';
export { focusOn, focusRanges } from './focus';
export { isReachFormatName, REACH_FORMAT_NAMES, renderReach, type ReachFormatName } from './reach-formats';
export { toCsv } from './csv';
export { toMarkdownTable } from './markdown-table';
export { EXPOSURE_FORMAT_NAMES, isExposureFormatName, renderExposure, type ExposureFormatName } from './exposure-formats';
