/** The styles of `reach -o html` (reach-html.ts), inline in the page: system fonts only, nothing loaded. */
export const REACH_HTML_STYLE = `
body { font: 14px system-ui, sans-serif; margin: 0; color: #1f2328; background: #fff; }
header, #filters, main { padding: 0 16px; }
h1 { font-size: 20px; margin: 12px 0 4px; }
h2 { font-size: 16px; margin: 16px 0 6px; }
#summary, .hint { color: #59636e; margin: 0 0 8px; }
#filters { display: flex; gap: 20px; align-items: flex-start; padding-bottom: 8px; border-bottom: 1px solid #d1d9e0; }
#namespace { min-width: 180px; vertical-align: top; }
#graph { overflow: auto; border: 1px solid #d1d9e0; max-height: 70vh; }
#graph-svg .group { fill: #f6f8fa; stroke: #d1d9e0; }
#graph-svg .group-title { font-weight: 600; fill: #59636e; }
#graph-svg .node rect { fill: #fff; stroke: #0969da; rx: 4; }
#graph-svg .node.outside rect { stroke: #9a6700; rx: 14; }
#graph-svg .node.collapsed rect { stroke-dasharray: 4 2; }
#graph-svg .node text { font-size: 12px; }
#graph-svg .edge { fill: none; stroke: #0969da; stroke-width: 1.4; opacity: .55; cursor: pointer; }
#graph-svg .edge.dns { stroke: #8c959f; stroke-dasharray: 3 3; }
#graph-svg .edge:hover, #graph-svg .edge.selected { opacity: 1; stroke-width: 3; }
#graph-svg .arrow { fill: #0969da; }
#explanation { background: #f6f8fa; border: 1px solid #d1d9e0; padding: 8px; white-space: pre-wrap; min-height: 3em; }
#matrix-box { overflow: auto; max-height: 70vh; border: 1px solid #d1d9e0; }
#matrix { border-collapse: collapse; font-size: 12px; }
#matrix th { position: sticky; background: #fff; font-weight: normal; text-align: left; white-space: nowrap; }
#matrix thead th { top: 0; writing-mode: vertical-rl; transform: rotate(180deg); padding: 4px 2px; }
#matrix tbody th { left: 0; padding: 0 6px; }
#matrix td { border: 1px solid #eaeef2; min-width: 18px; height: 18px; text-align: center; cursor: pointer; }
#matrix td.allowed { background: #dafbe1; }
#matrix td.all { background: #ffebe9; }
#matrix td.dns { background: #eaeef2; }
#matrix td.self, #matrix td.none { background: #f6f8fa; cursor: default; }
#matrix td.selected { outline: 2px solid #0969da; }
`;
