import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/read/decode-text.js';
import { IngestError } from '../../src/ingest/types.js';
import { REPO_ROOT } from '../../src/model/read.js';
import { encodeLegacy } from './legacy-encoding.js';

const SEED = readFileSync(join(REPO_ROOT, 'graph/sources/desg-dps-2025-02.zh.txt'), 'utf8');
const SIMPLIFIED =
  '本次会议由韩国主办，数字经济指导小组讨论了人工智能与数据隐私的互操作性。各经济体代表出席会议并发言。\n';

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  if (bigEndian) le.swap16();
  return new Uint8Array(le);
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte-order mark, dropping the mark', () => {
    const plain = decodeText(new Uint8Array(Buffer.from(SEED)), 'seed.txt');
    expect(plain).toEqual({ text: SEED, encoding: 'utf-8' });
    const withBom = decodeText(new Uint8Array(Buffer.from(`\ufeff${SEED}`)), 'seed.txt');
    expect(withBom).toEqual({ text: SEED, encoding: 'utf-8' });
  });

  it('reads UTF-16 little- and big-endian by their byte-order marks', () => {
    expect(decodeText(utf16(SEED, false), 'a.txt')).toEqual({ text: SEED, encoding: 'utf-16le' });
    expect(decodeText(utf16(SEED, true), 'a.txt')).toEqual({ text: SEED, encoding: 'utf-16be' });
  });

  it('tells Big5 from GB18030 even when the bytes decode under both', () => {
    const big5 = encodeLegacy(SEED, 'big5');
    // The premise: these Big5 bytes are also valid GB18030, so a decode error alone cannot decide.
    expect(() => new TextDecoder('gb18030', { fatal: true }).decode(big5)).not.toThrow();
    expect(decodeText(big5, 'a.txt')).toEqual({ text: SEED, encoding: 'big5' });

    const gb = encodeLegacy(SEED, 'gb18030');
    expect(decodeText(gb, 'a.txt')).toEqual({ text: SEED, encoding: 'gb18030' });
    const simplified = encodeLegacy(SIMPLIFIED, 'gb18030');
    expect(() => new TextDecoder('big5', { fatal: true }).decode(simplified)).not.toThrow();
    expect(decodeText(simplified, 'a.txt')).toEqual({ text: SIMPLIFIED, encoding: 'gb18030' });
  });

  it('turns CRLF and lone CR into LF', () => {
    const text = '壹、摘要\r\n本次會議\r\n\r\n貳、會議情形\rEnd\r\n';
    expect(decodeText(new Uint8Array(Buffer.from(text)), 'a.txt').text).toBe(
      '壹、摘要\n本次會議\n\n貳、會議情形\nEnd\n',
    );
    expect(decodeText(encodeLegacy(text, 'big5'), 'a.txt').text).toBe(
      '壹、摘要\n本次會議\n\n貳、會議情形\nEnd\n',
    );
  });

  it('refuses bytes that no supported encoding decodes, naming the file on one line', () => {
    const bytes = new Uint8Array([0x41, 0xff, 0xff, 0x80, 0x42, 0xff]);
    let caught: unknown;
    try {
      decodeText(bytes, 'reports/garbled.txt');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(IngestError);
    const message = (caught as IngestError).message;
    expect(message).toMatch(/^reports\/garbled\.txt: cannot be decoded/);
    expect(message).toContain('Big5');
    expect(message).not.toContain('\n');
  });

  it("refuses Big5 with a stray byte, which Node's Big5 decoder would drop without an error", () => {
    const bytes = new Uint8Array([
      ...encodeLegacy('中華臺北出席會議', 'big5'),
      0xff,
      ...encodeLegacy('。', 'big5'),
    ]);
    expect(() => new TextDecoder('big5', { fatal: true }).decode(bytes)).not.toThrow();
    expect(() => decodeText(bytes, 'stray.txt')).toThrow(/^stray\.txt: cannot be decoded/);
  });

  it('refuses binary data that happens to decode, and a BOM followed by invalid bytes', () => {
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(() => decodeText(binary, 'image.txt')).toThrow(/image\.txt: is not a text file/);
    const badUtf8 = new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff]);
    expect(() => decodeText(badUtf8, 'bom.txt')).toThrow(/bom\.txt: starts with a utf-8 byte-order mark/);
  });
});
