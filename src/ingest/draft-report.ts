// The extraction stage: ExtractedText + the knowledge base (the gazetteer) → a Draft. Pure: no file system.
import type { KnowledgeBase } from '../model/types.js';
import { DraftBuilder } from './draft-builder.js';
import { buildGazetteer } from './entities/gazetteer.js';
import { findDates } from './entities/patterns.js';
import { RULES } from './rules/registry.js';
import type { Rule, RuleContext } from './rules/rule.js';
import { recoverSections } from './structure/sections.js';
import { CJK, foldText } from './text/fold.js';
import { splitSentences } from './text/sentences.js';
import type { Draft, DraftSource, ExtractedText } from './types.js';

export interface DraftOptions {
  slug: string;
  lang?: 'zh' | 'en';
  /** Run only these rules (by name), e.g. to score one rule on its own. Default: every registered rule. */
  rules?: string[];
}

export function detectLanguage(text: string): 'zh' | 'en' {
  let cjk = 0;
  let latin = 0;
  for (const ch of text.slice(0, 20_000)) {
    if (CJK.test(ch)) cjk++;
    else if (/[A-Za-z]/.test(ch)) latin++;
  }
  return cjk * 3 > latin ? 'zh' : 'en';
}

function reportTitle(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const withMeeting = lines
    .slice(0, 15)
    .find((l) => /會議|Meeting|MEETING|Summary|Report/u.test(l) && l.length > 8);
  return withMeeting ?? lines[0] ?? '';
}

/** The date the report speaks for: its completion date on the title page, else the first date in it. */
function reportDate(text: string): string {
  const head = text.slice(0, 1500);
  const done = /(完成報告|報告日期|Date of report|Issued|Date)[^\n]*/u.exec(head);
  const pick = done ? findDates(done[0])[0] : undefined;
  const first = pick ?? findDates(head)[0] ?? findDates(text)[0];
  return first?.start ?? '';
}

export function draftReport(extracted: ExtractedText, kb: KnowledgeBase, opts: DraftOptions): Draft {
  const text = extracted.text;
  const lang = opts.lang ?? detectLanguage(text);
  const gaz = buildGazetteer(kb);
  const forumAbbreviations = kb.nodes
    .filter((n) => n.label === 'Forum' && typeof n.props.abbreviation === 'string')
    .map((n) => n.props.abbreviation as string);
  const sections = recoverSections(extracted, { lang, forumAbbreviations });
  const date = reportDate(text);
  const year = date ? Number(date.slice(0, 4)) : undefined;
  const asOf = date || new Date(0).toISOString().slice(0, 10);
  const ft = foldText(text);
  const ctx: RuleContext = {
    text,
    lang,
    slug: opts.slug,
    kb,
    gaz,
    ft,
    sections,
    sentences: splitSentences(text, sections),
    mentions: gaz.find(text, ft),
    draft: new DraftBuilder(text, kb, gaz, opts.slug, asOf),
    meetings: [],
    projectMentions: [],
  };
  if (year !== undefined) ctx.year = year;
  const chosen: Rule[] = opts.rules
    ? RULES.filter((r) => opts.rules?.includes(r.name) || r.name === 'meeting-heading')
    : RULES;
  for (const rule of chosen) rule.run(ctx);
  const source: DraftSource = {
    id: `src-${opts.slug}`,
    file: `sources/${opts.slug}.${lang}.txt`,
    language: lang,
    title: extracted.metaTitle ?? reportTitle(text),
    date,
    originalFile: extracted.fileName,
  };
  if (extracted.pages?.length) source.pages = extracted.pages.length;
  const { nodes, edges, updates } = ctx.draft.result();
  return {
    source,
    sections: sections.map((s) =>
      s.page !== undefined
        ? { label: s.label, title: s.title, page: s.page }
        : { label: s.label, title: s.title },
    ),
    nodes,
    edges,
    updates,
  };
}
