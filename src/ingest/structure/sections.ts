// Builds the section tree of a report from its own numbering, with labels in graph/'s form: `貳.三.(五).2`,
// `附件.DPS.7.1`. An annexed agenda is a block headed by its meeting title and a line "AGENDA" (or 議程); its
// items are labelled under the forum abbreviation found in that title.
import type { ExtractedText, Section } from '../types.js';
import { type Heading, isAnnexTitle, isTocLine, type MarkerKind, parseHeading } from './headings.js';

interface Open {
  kind: MarkerKind | 'agenda' | 'root';
  component: string;
  parts?: number[];
  section: Section;
}

const AGENDA_LINE =
  /^\s*(AGENDA|Agenda|議程|會議議程|【會議議程】|Provisional Agenda|PROVISIONAL AGENDA)\s*$/u;

function pageAt(pages: ExtractedText['pages'], offset: number): number | undefined {
  if (!pages || pages.length === 0) return undefined;
  let page: number | undefined;
  for (const p of pages) if (p.start <= offset) page = p.page;
  return page;
}

function shortTitle(title: string): string {
  const t = title.trim();
  return t.length > 60 ? `${t.slice(0, 60)}…` : t;
}

export interface SectionOptions {
  lang: 'zh' | 'en';
  /** Forum abbreviations the gazetteer knows, to label annexed agendas (`附件.DPS`). */
  forumAbbreviations: string[];
}

export function recoverSections(extracted: ExtractedText, opts: SectionOptions): Section[] {
  const text = extracted.text;
  const cover: Section = {
    label: opts.lang === 'zh' ? '封面' : 'cover',
    title: '',
    start: 0,
    end: text.length,
    depth: 0,
  };
  const coverPage = pageAt(extracted.pages, 0);
  if (coverPage !== undefined) cover.page = coverPage;
  const sections: Section[] = [cover];
  const stack: Open[] = [];
  let annexLabel: string | undefined;
  const lines: { text: string; start: number }[] = [];
  let pos = 0;
  for (const l of text.split('\n')) {
    lines.push({ text: l, start: pos });
    pos += l.length + 1;
  }

  const labelOf = (parentStack: Open[], component: string): string =>
    [...parentStack.map((o) => o.component), component].join('.');

  const close = (upTo: number, offset: number) => {
    while (stack.length > upTo) {
      const o = stack.pop();
      if (o) o.section.end = offset;
    }
  };

  const open = (kind: Open['kind'], component: string, title: string, start: number, parts?: number[]) => {
    const section: Section = {
      label: labelOf(stack, component),
      title: shortTitle(title),
      start,
      end: text.length,
      depth: stack.length + 1,
      page: pageAt(extracted.pages, start),
    };
    const o: Open = { kind, component, section };
    if (parts) o.parts = parts;
    stack.push(o);
    sections.push(section);
  };

  const agendaForum = (headerLines: string[]): string | undefined => {
    const abbrs = new Set(opts.forumAbbreviations);
    let found: string | undefined;
    for (const l of headerLines) {
      for (const m of l.matchAll(/[(（]([A-Z][A-Za-z]{1,7})[)）]/gu))
        if (m[1] && abbrs.has(m[1])) found = m[1];
    }
    if (found) return found;
    for (const l of headerLines)
      for (const a of opts.forumAbbreviations) if (new RegExp(`\\b${a}\\b`).test(l)) return a;
    return undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.text.trim() === '') continue;
    if (isTocLine(line.text)) continue;
    if (annexLabel !== undefined && AGENDA_LINE.test(line.text)) {
      // Walk back over the agenda's title lines.
      const header: { text: string; start: number }[] = [];
      for (let j = i - 1; j >= 0 && header.length < 6; j--) {
        const prev = lines[j];
        if (!prev) break;
        const t = prev.text.trim();
        if (t === '') continue;
        if (/[.。:：]$/u.test(t) || parseHeading(prev.text) || t.length > 90 || AGENDA_LINE.test(t)) break;
        header.unshift(prev);
      }
      const first = header[0];
      if (!first) continue;
      const forum = agendaForum(header.map((h) => h.text));
      const annexIdx = stack.findIndex((o) => o.kind === 'annex' || o.component === annexLabel);
      close(annexIdx + 1, first.start);
      const component = forum ?? 'agenda';
      const section: Section = {
        label: labelOf(stack, component),
        title: header.map((h) => h.text.trim()).join(' '),
        start: first.start,
        end: text.length,
        depth: stack.length + 1,
        page: pageAt(extracted.pages, first.start),
      };
      stack.push({ kind: 'agenda', component, section });
      sections.push(section);
      continue;
    }
    const h: Heading | undefined = parseHeading(line.text);
    if (!h) continue;
    const start = line.start + h.markerOffset;
    if (h.kind === 'formal' || h.kind === 'annex') {
      close(0, start);
      if (isAnnexTitle(h.title) || h.kind === 'annex') {
        annexLabel = h.kind === 'annex' ? h.component : '附件';
        open('annex', annexLabel, h.title, start);
      } else {
        annexLabel = undefined;
        open(h.kind, h.component, h.title, start);
      }
      continue;
    }
    if (h.kind === 'arabic' && h.parts && h.parts.length > 1) {
      // 7.1 belongs under 7: close back to the open item numbered 7, or to the arabic level if it is not open.
      const parentParts = h.parts.slice(0, -1).join('.');
      const idx = stack.findIndex((o) => o.kind === 'arabic' && o.parts?.join('.') === parentParts);
      if (idx >= 0) {
        close(idx + 1, start);
        open('arabic', String(h.parts[h.parts.length - 1]), h.title, start, h.parts);
        continue;
      }
      const same = stack.findIndex((o) => o.kind === 'arabic');
      if (same >= 0) close(same, start);
      open('arabic', h.component, h.title, start, h.parts);
      continue;
    }
    const idx = stack.findIndex(
      (o) => o.kind === h.kind && (h.kind !== 'arabic' || (o.parts?.length ?? 1) === 1),
    );
    if (idx >= 0) close(idx, start);
    open(h.kind, h.component, h.title, start, h.parts);
  }
  close(0, text.length);
  const firstReal = sections[1];
  if (firstReal) cover.end = firstReal.start;
  return sections;
}

/** The deepest section that contains an offset. */
export function sectionAt(sections: Section[], offset: number): Section {
  let best = sections[0] as Section;
  for (const s of sections) if (s.start <= offset && offset < s.end && s.depth >= best.depth) best = s;
  return best;
}

export function parentOf(sections: Section[], s: Section): Section | undefined {
  let best: Section | undefined;
  for (const p of sections)
    if (
      p !== s &&
      p.depth < s.depth &&
      p.start <= s.start &&
      s.start < p.end &&
      (!best || p.depth > best.depth)
    )
      best = p;
  return best;
}

export function childrenOf(sections: Section[], s: Section): Section[] {
  return sections.filter((c) => c.depth === s.depth + 1 && c.start >= s.start && c.start < s.end);
}
