/** Renders rows as aligned plain-text columns for terminals. Control characters are dropped so input cannot move the cursor. */
export function renderTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  // eslint-disable-next-line no-control-regex
  const clean = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  const all = [header, ...rows].map((r) => r.map(clean));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return (
    all
      .map((r) =>
        r
          .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}
