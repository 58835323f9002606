// DOCX reports: the text through mammoth, the section numbers that Word draws itself (automatic list numbering,
// which mammoth's text leaves out) from word/numbering.xml, put back in front of their paragraphs.
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { IngestError } from '../types.js';
import { isCjk } from './cjk.js';
import { errorDetail } from './error-detail.js';
import { type LevelDef, NumberingCounter, type NumberingDefs } from './word-numbering.js';

export interface DocxText {
  text: string;
  metaTitle?: string;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function parseXml(xml: string): Document {
  // Word files are machine-written; a parse error here means a damaged part, reported by the caller.
  return new DOMParser({ errorHandler: { warning: () => {}, error: () => {} } }).parseFromString(
    xml,
    'text/xml',
  ) as unknown as Document;
}

function children(el: Element, localName: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).namespaceURI === W && (n as Element).localName === localName) {
      out.push(n as Element);
    }
  }
  return out;
}

function child(el: Element | undefined, localName: string): Element | undefined {
  return el ? children(el, localName)[0] : undefined;
}

function val(el: Element | undefined): string | undefined {
  return el?.getAttributeNS(W, 'val') || undefined;
}

function readNumberingDefs(doc: Document | undefined): NumberingDefs {
  const defs: NumberingDefs = { abstract: new Map(), nums: new Map() };
  if (!doc) return defs;
  for (const abs of Array.from(doc.getElementsByTagNameNS(W, 'abstractNum'))) {
    const levels = new Map<number, LevelDef>();
    for (const lvl of children(abs, 'lvl')) {
      const ilvl = Number(lvl.getAttributeNS(W, 'ilvl') || '0');
      levels.set(ilvl, {
        format: val(child(lvl, 'numFmt')) ?? 'decimal',
        text: val(child(lvl, 'lvlText')) ?? '',
        start: Number(val(child(lvl, 'start')) ?? '1'),
        legal: child(lvl, 'isLgl') !== undefined,
      });
    }
    defs.abstract.set(abs.getAttributeNS(W, 'abstractNumId') ?? '', levels);
  }
  for (const num of Array.from(doc.getElementsByTagNameNS(W, 'num'))) {
    const startOverrides = new Map<number, number>();
    for (const override of children(num, 'lvlOverride')) {
      const start = val(child(override, 'startOverride'));
      if (start !== undefined)
        startOverrides.set(Number(override.getAttributeNS(W, 'ilvl') || '0'), Number(start));
    }
    defs.nums.set(num.getAttributeNS(W, 'numId') ?? '', {
      abstractId: val(child(num, 'abstractNumId')) ?? '',
      startOverrides,
    });
  }
  return defs;
}

interface NumPr {
  numId?: string;
  ilvl?: number;
}

function numPrOf(pPr: Element | undefined): NumPr | undefined {
  const numPr = child(pPr, 'numPr');
  if (!numPr) return undefined;
  const ilvl = val(child(numPr, 'ilvl'));
  return { numId: val(child(numPr, 'numId')), ilvl: ilvl === undefined ? undefined : Number(ilvl) };
}

/** Numbering a paragraph style carries, following basedOn (headings linked to a multilevel list). */
function styleNumbering(styles: Document | undefined): (styleId: string) => NumPr | undefined {
  const byId = new Map<string, Element>();
  if (styles) {
    for (const style of Array.from(styles.getElementsByTagNameNS(W, 'style'))) {
      byId.set(style.getAttributeNS(W, 'styleId') ?? '', style);
    }
  }
  return (styleId) => {
    const seen = new Set<string>();
    let id: string | undefined = styleId;
    const merged: NumPr = {};
    while (id && !seen.has(id)) {
      seen.add(id);
      const style = byId.get(id);
      const own = numPrOf(child(style, 'pPr'));
      merged.numId ??= own?.numId;
      merged.ilvl ??= own?.ilvl;
      id = val(child(style, 'basedOn'));
    }
    return merged.numId === undefined ? undefined : merged;
  };
}

/** Levels whose w:pStyle names a paragraph style: paragraphs in that style are numbered at that level. */
function levelsByStyle(numbering: Document | undefined, defs: NumberingDefs): Map<string, NumPr> {
  const out = new Map<string, NumPr>();
  if (!numbering) return out;
  for (const abs of Array.from(numbering.getElementsByTagNameNS(W, 'abstractNum'))) {
    const abstractId = abs.getAttributeNS(W, 'abstractNumId') ?? '';
    const numId = [...defs.nums].find(([, n]) => n.abstractId === abstractId)?.[0];
    if (numId === undefined) continue;
    for (const lvl of children(abs, 'lvl')) {
      const style = val(child(lvl, 'pStyle'));
      if (style) out.set(style, { numId, ilvl: Number(lvl.getAttributeNS(W, 'ilvl') || '0') });
    }
  }
  return out;
}

function paragraphText(p: Element): string {
  let text = '';
  for (const t of Array.from(p.getElementsByTagNameNS(W, 't'))) text += t.textContent ?? '';
  return text;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** The label Word shows in front of each numbered paragraph, keyed by its text, in document order. */
function numberLabels(document: Document, numbering: Document | undefined, styles: Document | undefined) {
  const defs = readNumberingDefs(numbering);
  const counter = new NumberingCounter(defs);
  const fromStyle = styleNumbering(styles);
  const byStyle = levelsByStyle(numbering, defs);
  const labels: { text: string; label: string }[] = [];
  for (const p of Array.from(document.getElementsByTagNameNS(W, 'p'))) {
    // mc:Choice holds the same content as its mc:Fallback; count it once.
    let inChoice = false;
    for (let a = p.parentNode; a; a = a.parentNode) {
      if ((a as Element).localName === 'Choice') inChoice = true;
    }
    if (inChoice) continue;
    const pPr = child(p, 'pPr');
    const styleId = val(child(pPr, 'pStyle'));
    const direct = numPrOf(pPr);
    const styled = styleId ? (fromStyle(styleId) ?? byStyle.get(styleId)) : undefined;
    const numId = direct?.numId ?? styled?.numId;
    if (numId === undefined || numId === '0') continue;
    const ilvl = direct?.ilvl ?? styled?.ilvl ?? 0;
    const label = counter.next(numId, ilvl);
    if (label) labels.push({ text: squash(paragraphText(p)), label });
  }
  return labels;
}

interface MammothElement {
  type: string;
  value?: string;
  children?: MammothElement[];
}

function elementText(el: MammothElement): string {
  if (el.type === 'text') return el.value ?? '';
  if (el.type === 'tab') return '\t';
  if (el.type === 'break') return '\n';
  return (el.children ?? []).map(elementText).join('');
}

/** Paragraphs in mammoth's reading order; a table row becomes one line of tab-separated cells. */
function mammothParagraphs(el: MammothElement, out: string[]): void {
  if (el.type === 'paragraph') {
    out.push(elementText(el));
    return;
  }
  if (el.type === 'tableRow') {
    const cells = (el.children ?? []).map((cell) => {
      const inner: string[] = [];
      mammothParagraphs(cell, inner);
      return inner
        .map((s) => s.trim())
        .filter(Boolean)
        .join(' ');
    });
    out.push(cells.join('\t'));
    return;
  }
  for (const c of el.children ?? []) mammothParagraphs(c, out);
}

async function xmlPart(zip: JSZip, name: string): Promise<Document | undefined> {
  const entry = zip.file(name);
  return entry ? parseXml(await entry.async('string')) : undefined;
}

function withLabel(label: string, text: string): string {
  // Word puts a tab (or a space) after the number; after 、 or ） the report's own text has nothing.
  return isCjk(label.at(-1)) ? `${label}${text.trimStart()}` : `${label} ${text.trimStart()}`;
}

export async function readDocx(bytes: Uint8Array, file: string): Promise<DocxText> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    const detail = errorDetail(error);
    throw new IngestError(file, `is not a readable DOCX (not a valid zip archive: ${detail})`);
  }
  const documentXml = await xmlPart(zip, 'word/document.xml');
  if (!documentXml?.documentElement) {
    throw new IngestError(file, 'is not a readable DOCX (no word/document.xml inside)');
  }
  let document: MammothElement | undefined;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        transformDocument: (doc: MammothElement) => {
          document = doc;
          return doc;
        },
      },
    );
  } catch (error) {
    const detail = errorDetail(error);
    throw new IngestError(file, `is not a readable DOCX (${detail})`);
  }
  if (!document) throw new IngestError(file, 'is not a readable DOCX (mammoth returned no document)');

  const paragraphs: string[] = [];
  mammothParagraphs(document, paragraphs);
  const labels = numberLabels(
    documentXml,
    await xmlPart(zip, 'word/numbering.xml'),
    await xmlPart(zip, 'word/styles.xml'),
  );
  // Labels are matched to mammoth's paragraphs by their text, in order, so a paragraph mammoth reads
  // differently (or skips) cannot shift every later number onto the wrong paragraph.
  let next = 0;
  const lines: string[] = [];
  for (const paragraph of paragraphs) {
    const key = squash(paragraph);
    let text = paragraph;
    const wanted = labels[next];
    if (wanted && key.length > 0 && wanted.text === key) {
      text = withLabel(wanted.label, paragraph);
      next++;
    } else if (key.length > 0) {
      // A numbered paragraph mammoth did not give (or gave with other text) is skipped, a few at most.
      for (let later = next + 1; later < Math.min(labels.length, next + 20); later++) {
        const candidate = labels[later] as { text: string; label: string };
        if (candidate.text !== key) continue;
        text = withLabel(candidate.label, paragraph);
        next = later + 1;
        break;
      }
    }
    if (text.trim().length > 0) lines.push(text.trimEnd());
  }
  const core = await xmlPart(zip, 'docProps/core.xml');
  const title = core
    ?.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'title')[0]
    ?.textContent?.trim();
  return { text: lines.join('\n\n'), ...(title ? { metaTitle: title } : {}) };
}
