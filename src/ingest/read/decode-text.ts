// Plain-text reports (.txt/.md): find the encoding and decode with a real, fatal decoder. The region's files come
// as UTF-8 (with or without BOM), UTF-16 with BOM, Big5 (Taiwan) or GB18030/GBK (PRC).
import chardet from 'chardet';
import { IngestError } from '../types.js';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'big5' | 'gb18030';
}

const BOMS: { bytes: number[]; encoding: DecodedText['encoding'] }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    // ignoreBOM: the BOM, when there is one, has been cut off already.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Node's (ICU's) Big5 decoder is not fully fatal: it silently drops stray 0x80 and 0xFF bytes and unmapped pairs.
 * So the bytes must also have Big5's shape (ASCII, or a lead 0x81–0xFE with a trail 0x40–0x7E / 0xA1–0xFE) and
 * every pair must come out as a character.
 */
function tryDecodeBig5(bytes: Uint8Array): string | undefined {
  let pairs = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x80) continue;
    const t = bytes[i + 1];
    if (
      b === 0x80 ||
      b === 0xff ||
      t === undefined ||
      !((t >= 0x40 && t <= 0x7e) || (t >= 0xa1 && t <= 0xfe))
    ) {
      return undefined;
    }
    pairs++;
    i++;
  }
  const text = tryDecode(bytes, 'big5');
  if (text === undefined) return undefined;
  let wide = 0;
  for (const ch of text) if ((ch.codePointAt(0) ?? 0) >= 0x80) wide++;
  return wide >= pairs ? text : undefined;
}

/** Share of characters that are common CJK ideographs or CJK punctuation: mis-decoded text scatters into rare ones. */
function commonCjkShare(text: string): number {
  let cjk = 0;
  let common = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) continue;
    cjk++;
    if ((c >= 0x4e00 && c <= 0x9fa5) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef))
      common++;
  }
  return cjk === 0 ? 0 : common / cjk;
}

/**
 * Big5 or GB18030, when the bytes decode under both: chardet's statistical judgement first (it knows the
 * character frequencies of each), the share of common ideographs when chardet names neither.
 */
function judgeLegacy(bytes: Uint8Array, big5: string, gb: string): DecodedText {
  for (const match of chardet.analyse(bytes)) {
    const name = match.name.toLowerCase();
    if (name === 'big5') return { text: big5, encoding: 'big5' };
    if (name === 'gb18030' || name === 'gb2312' || name === 'gbk') return { text: gb, encoding: 'gb18030' };
  }
  return commonCjkShare(big5) >= commonCjkShare(gb)
    ? { text: big5, encoding: 'big5' }
    : { text: gb, encoding: 'gb18030' };
}

/** Control characters other than tab, newline, carriage return and form feed: a sign of binary data. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65_536);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) controls++;
  }
  return controls > sample.length / 100;
}

/** Decodes a plain-text report; CRLF and lone CR become LF. Throws IngestError when no encoding fits. */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  let decoded: DecodedText | undefined;
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) {
      const text = tryDecode(bytes.subarray(bom.bytes.length), bom.encoding);
      if (text === undefined)
        throw new IngestError(
          file,
          `starts with a ${bom.encoding} byte-order mark but is not valid ${bom.encoding}`,
        );
      decoded = { text, encoding: bom.encoding };
      break;
    }
  }
  if (!decoded) {
    const utf8 = tryDecode(bytes, 'utf-8');
    if (utf8 !== undefined) decoded = { text: utf8, encoding: 'utf-8' };
  }
  if (!decoded) {
    const big5 = tryDecodeBig5(bytes);
    const gb = tryDecode(bytes, 'gb18030');
    if (big5 !== undefined && gb !== undefined) decoded = judgeLegacy(bytes, big5, gb);
    else if (big5 !== undefined) decoded = { text: big5, encoding: 'big5' };
    else if (gb !== undefined) decoded = { text: gb, encoding: 'gb18030' };
  }
  if (!decoded) {
    throw new IngestError(
      file,
      'cannot be decoded: not valid UTF-8, UTF-16 (with BOM), Big5 or GB18030 text',
    );
  }
  if (looksBinary(decoded.text)) {
    throw new IngestError(
      file,
      `is not a text file (binary data found after decoding as ${decoded.encoding})`,
    );
  }
  return { text: decoded.text.replace(/\r\n?/g, '\n'), encoding: decoded.encoding };
}
