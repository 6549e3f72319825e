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
} satisfies Record<string, (reach: Reachability) => string>;

export type ReachFormatName = keyof typeof RENDERERS;

export const REACH_FORMAT_NAMES = Object.keys(RENDERERS) as readonly ReachFormatName[];

export function isReachFormatName(name: string): name is ReachFormatName {
  return Object.prototype.hasOwnProperty.call(RENDERERS, name);
}

export function renderReach(reach: Reachability, format: ReachFormatName): string {
  return RENDERERS[format](reach);
}
