// Data files and source texts must be UTF-8: a stray Big5 or Latin-1 byte would otherwise pass as U+FFFD
// and only ever show up, if at all, as a quote that is not found.

export interface DecodedText {
  text: string;
  /** 1-based numbers of the lines holding bytes that are not UTF-8 (at most `limit`), and how many in all. */
  badLines: number[];
  badLineCount: number;
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/**
 * Decodes bytes as UTF-8. A byte-order mark is dropped; CRLF is left to the YAML parser, which accepts it.
 * When some bytes are not UTF-8 the text is decoded with U+FFFD in their place, so that the rest of the file
 * can still be checked, and the lines holding them are listed.
 */
export function decodeUtf8(bytes: Uint8Array, limit = 5): DecodedText {
  try {
    return { text: strict.decode(bytes), badLines: [], badLineCount: 0 };
  } catch {
    const badLines: number[] = [];
    let badLineCount = 0;
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      try {
        strict.decode(bytes.subarray(start, i));
      } catch {
        badLineCount++;
        if (badLines.length < limit) badLines.push(line);
      }
      line++;
      start = i + 1;
    }
    return { text: lenient.decode(bytes), badLines, badLineCount };
  }
}

export function describeBadLines(d: DecodedText): string {
  const more = d.badLineCount - d.badLines.length;
  return (
    `bytes that are not valid UTF-8 on line${d.badLineCount > 1 ? 's' : ''} ${d.badLines.join(', ')}` +
    `${more > 0 ? ` and ${more} more line(s)` : ''}; save the file as UTF-8`
  );
}
