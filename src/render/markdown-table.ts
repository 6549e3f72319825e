/** A GitHub-flavoured Markdown table; `|` in a cell is escaped and line breaks become spaces, so a cell never breaks the row. */
export function toMarkdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(' | ')} |\n`;
  return line(header) + `|${header.map(h => '-'.repeat(h.length + 2)).join('|')}|\n` + rows.map(line).join('');
}

function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
