// Text output of the query CLI: `name=value` parameters in, an aligned table out.

/** `name=value`; the value is JSON when it parses (numbers, booleans, lists, maps), else the plain string. */
export function parseParam(text: string): Record<string, unknown> {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new Error(`--param expects name=value, got "${text}"`);
  const name = text.slice(0, eq).trim();
  const raw = text.slice(eq + 1);
  try {
    return { [name]: JSON.parse(raw) };
  } catch {
    return { [name]: raw };
  }
}

/** Strings as they are, graph entities by their id, everything else as compact JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && !Array.isArray(value) && 'id' in value) {
    const entity = value as { id: unknown; labels?: unknown; type?: unknown };
    if (Array.isArray(entity.labels)) return `(${String(entity.id)}:${entity.labels.join(':')})`;
    if (typeof entity.type === 'string') return `[${String(entity.id)}]`;
  }
  return JSON.stringify(value);
}

/** Columns padded to their widest cell; East Asian wide characters count double so columns line up. */
export function formatTable(columns: string[], rows: unknown[][]): string {
  const cells = rows.map((row) => row.map((v) => cellText(v).replace(/\s*\n\s*/g, ' ')));
  const widths = columns.map((c, i) =>
    Math.max(displayWidth(c), ...cells.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (values: string[]) =>
    values
      .map((v, i) => v + ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(v))))
      .join(' | ')
      .trimEnd();
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('-+-'), ...cells.map(line)].join('\n');
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
