// How a reading is compared with the text it was made from: the validator drops whitespace before it looks for a
// quote, so the same comparison decides whether a reading keeps every line of the original.

export const squash = (s: string) => s.replace(/\s+/g, '');

/** The original's non-blank lines that are found, whitespace dropped, in order in the reading. */
export function linesInOrder(
  original: string,
  reading: string,
): { found: number; total: number; missing: string[] } {
  const haystack = squash(reading);
  let pos = 0;
  let found = 0;
  let total = 0;
  const missing: string[] = [];
  for (const line of original.split('\n')) {
    const key = squash(line);
    if (key.length === 0) continue;
    total++;
    const at = haystack.indexOf(key, pos);
    if (at >= 0) {
      found++;
      pos = at + key.length;
    } else {
      missing.push(line);
    }
  }
  return { found, total, missing };
}

/** The numbered headings of a text: lines that start with the report's own numbering, as their first characters. */
export function headings(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) =>
      /^([壹貳參肆]、|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.\d* |\([a-z]\) )/u.test(l),
    )
    .map((l) => squash(l).slice(0, 12));
}
