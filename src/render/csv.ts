/**
 * RFC 4180 CSV: a cell is quoted when it holds a comma, quote or line break, and quotes are
 * doubled. Connection sets hold commas (`TCP 80,UDP 53`), so most `conn` cells are quoted.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, ...rows].map(cells => cells.map(csvCell).join(',') + '\n').join('');
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
