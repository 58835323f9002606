// Encoders for Big5 and GB18030 test files. Node can decode these but not encode them, so the table is built by
// decoding every two-byte sequence once and inverting it: the bytes are what a Big5 or GBK editor writes.
const tables = new Map<string, Map<string, number[]>>();

function table(encoding: 'big5' | 'gb18030'): Map<string, number[]> {
  const cached = tables.get(encoding);
  if (cached) return cached;
  const map = new Map<string, number[]>();
  const decoder = new TextDecoder(encoding, { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      let ch: string;
      try {
        ch = decoder.decode(new Uint8Array([lead, trail]));
      } catch {
        continue;
      }
      // Keep the first (standard) code for characters with several.
      if ([...ch].length === 1 && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  tables.set(encoding, map);
  return map;
}

/** Encodes text; throws on a character the encoding has no two-byte code for. */
export function encodeLegacy(text: string, encoding: 'big5' | 'gb18030'): Uint8Array {
  const map = table(encoding);
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = map.get(ch);
    if (!bytes) throw new Error(`${encoding} has no code for ${ch} (U+${code.toString(16)})`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}

/** Whether every character of the text can be written in the encoding. */
export function encodable(text: string, encoding: 'big5' | 'gb18030'): boolean {
  const map = table(encoding);
  return [...text].every((ch) => (ch.codePointAt(0) ?? 0) < 0x80 || map.has(ch));
}
