import type { GraphFilters } from './graph-filters';
import { reachToDot } from './reach-dot';
import { reachToMermaid } from './reach-mermaid';
import { reachToCsv, reachToJson, reachToMarkdown, reachToTxt } from './reach-table';
import type { Reachability } from '../analysis/results';

/** Every way to print a reachability, by the name `reach -o` takes. */
const RENDERERS = {
  txt: reachToTxt,
  json: reachToJson,
  csv: reachToCsv,
  md: reachToMarkdown,
  dot: reachToDot,
  mermaid: reachToMermaid,
} satisfies Record<string, (reach: Reachability, filters: GraphFilters) => string>;

export type ReachFormatName = keyof typeof RENDERERS;

export const REACH_FORMAT_NAMES = Object.keys(RENDERERS) as readonly ReachFormatName[];

export function isReachFormatName(name: string): name is ReachFormatName {
  return Object.prototype.hasOwnProperty.call(RENDERERS, name);
}

/** `filters` apply to the pictures (dot, mermaid); the lists print every flow they are given. */
export function renderReach(reach: Reachability, format: ReachFormatName, filters: GraphFilters = {}): string {
  return RENDERERS[format](reach, filters);
}
