// Query parameters: which `$names` a query uses, and how the text typed for each becomes a value.

/** `$name` references in order of first use; string literals and comments are skipped. */
export function paramNames(cypher: string): string[] {
  const code = cypher
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''")
    .replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
  const names: string[] = [];
  for (const m of code.matchAll(/\$([A-Za-z_]\w*)/g)) {
    const name = m[1] as string;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Text is taken as JSON when it parses (numbers, lists, booleans), else as a string; but when the parameter's
 * default is a string the text stays a string, so an id such as `2025` is not turned into a number.
 */
export function parseParamInput(text: string, defaultValue: unknown): unknown {
  if (typeof defaultValue === 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function formatParamValue(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
