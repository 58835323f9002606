// Sessions and who led or spoke in them.
// - An annexed agenda's items become Session nodes (PART_OF the meeting); "- Korea (lead)" and "led by …" give LED,
//   the other names listed under an item SCHEDULED_IN.
// - In the report's own account, an item whose numbered children each open with a delegation ("(1) 韓國：…",
//   "11. 新加坡") is a session, and each child's delegation SPOKE_IN it, in order.
// - In prose, a sentence that opens with delegations and a speaking verb ("Japan and Korea presented …",
//   "中國分享…") is a SPOKE_IN of the session its section is.

import { childrenOf, parentOf } from '../structure/sections.js';
import type { Section } from '../types.js';
import { headingEnd, mentionsIn, provFor, subjectOfSection, useMention } from './context-helpers.js';
import type { ReportMeeting, Rule, RuleContext } from './rule.js';

const RULE = 'agenda-sessions';
const SPEAKER_LABELS = ['Economy', 'Organization', 'Forum'];
const LEAD_MARK = /\((?:lead|Lead|moderator|Moderator|chair)\)|\bled by\b|\bmoderated by\b|主導|引言/u;
const SPEAK =
  /^(?:[^，。.;]{0,80}?)(?:\b(?:presented|shared|reported|briefed|updated|introduced|highlighted|outlined|delivered|gave|provided|spoke|explained)\b|分享|報告|說明|介紹|簡報|發言|表示)/u;

function meetingOf(ctx: RuleContext, offset: number): ReportMeeting | undefined {
  let best: ReportMeeting | undefined;
  let size = Number.POSITIVE_INFINITY;
  for (const m of ctx.meetings)
    for (const s of m.scopes)
      if (s.start <= offset && offset < s.end && s.end - s.start < size) {
        size = s.end - s.start;
        best = m;
      }
  return best;
}

function agendaRoot(ctx: RuleContext, s: Section): Section | undefined {
  let p: Section | undefined = s;
  while (p) {
    if (/\.[A-Z][A-Za-z]{1,7}$/.test(p.label) || /\.agenda$/.test(p.label)) return p;
    p = parentOf(ctx.sections, p);
  }
  return undefined;
}

function sessionNode(
  ctx: RuleContext,
  s: Section,
  meeting: ReportMeeting,
  agendaItem?: string,
): string | undefined {
  const prov = provFor(ctx, s.start, headingEnd(ctx, s));
  const props: Record<string, string> = {};
  if (agendaItem) props.agendaItem = agendaItem;
  const name = s.title.replace(/^[^：:]{0,12}[：:]\s*/u, (x) => (/第.場/u.test(x) ? '' : x)) || s.title;
  const id = ctx.draft.addNew({
    key: `${meeting.id}|${s.label}`,
    label: 'Session',
    name: name || s.label,
    props,
    prov,
    rule: RULE,
    confidence: 0.8,
    anchors: [s.title],
  });
  if (id) ctx.draft.addEdge({ type: 'PART_OF', from: id, to: meeting.id, prov, rule: RULE, confidence: 0.8 });
  return id;
}

function ownText(ctx: RuleContext, s: Section): { start: number; end: number } {
  const kids = childrenOf(ctx.sections, s);
  return { start: s.start, end: kids[0]?.start ?? s.end };
}

/** Agenda items of each meeting with who is listed (led or scheduled) under them. */
interface AgendaItem {
  id: string;
  meeting: string;
  depth: number;
  parent: string;
  listed: Set<string>;
}

/**
 * Where a speaker of the report's own account spoke. The account is the same part of the meeting as the annexed
 * agenda item that lists most of its speakers (more than 60 % of them, and more than half of the item's list);
 * a speaker listed under a sibling item of that one (guests under "Guest organisations") goes there.
 */
function agendaTarget(
  items: AgendaItem[],
  meeting: string,
  speakers: string[],
  who: string,
): string | undefined {
  const scored = items
    .filter((a) => a.meeting === meeting)
    .map((a) => ({ a, n: speakers.filter((x) => a.listed.has(x)).length }))
    .filter((x) => x.n >= 2 && x.n / speakers.length > 0.6 && x.n / x.a.listed.size > 0.5)
    .sort((x, y) => y.n - x.n || y.a.depth - x.a.depth);
  const top = scored[0]?.a;
  if (!top || top.listed.has(who)) return top?.id;
  const sibling = items.find((a) => a.meeting === meeting && a.parent === top.parent && a.listed.has(who));
  return (sibling ?? top).id;
}

const PROSE_LEAD = /由([^，。；]{1,16}?)(?:主導|主持|引言)|\b(?:led|moderated|chaired) by ([^,.;]{2,60})/gu;

/** "本場次由新加坡主導", "The dialogue was led by New Zealand": LED of the session the text belongs to. */
function proseLeads(ctx: RuleContext, session: string, start: number, end: number): void {
  const body = ctx.text.slice(start, end);
  for (const m of body.matchAll(PROSE_LEAD)) {
    const span = m[1] ?? m[2] ?? '';
    const at = start + (m.index ?? 0) + m[0].indexOf(span);
    for (const w of mentionsIn(ctx, at, at + span.length, ['Economy', 'Organization'])) {
      const sen = ctx.sentences.find((x) => x.start <= at && at < x.end) ?? { start, end };
      if (!useMention(ctx, w, RULE, sen.start, sen.end)) continue;
      ctx.draft.addEdge({
        type: 'LED',
        from: w.id,
        to: session,
        prov: provFor(ctx, sen.start, sen.end),
        rule: RULE,
        confidence: 0.8,
      });
    }
  }
}

export const sessionsRule: Rule = {
  name: RULE,
  drafts: ['Session', 'PART_OF', 'LED', 'SPOKE_IN', 'SCHEDULED_IN'],
  run(ctx) {
    const items: AgendaItem[] = [];
    // Pass 1: the annexed agendas.
    for (const s of ctx.sections) {
      const meeting = meetingOf(ctx, s.start);
      if (!meeting || s.depth < 2) continue;
      const root = agendaRoot(ctx, s);
      if (!root || root === s) continue;
      const item = s.label.slice(root.label.length + 1);
      const id = sessionNode(ctx, s, meeting, item);
      if (!id) continue;
      const listed = new Set<string>();
      items.push({
        id,
        meeting: meeting.id,
        depth: s.depth,
        parent: s.label.replace(/\.[^.]+$/u, ''),
        listed,
      });
      const own = ownText(ctx, s);
      let pos = own.start;
      for (const line of ctx.text.slice(own.start, own.end).split('\n')) {
        const ls = pos;
        pos += line.length + 1;
        if (!/^\s*[-•*]\s+/u.test(line) && !LEAD_MARK.test(line)) continue;
        const who = mentionsIn(ctx, ls, ls + line.length, SPEAKER_LABELS).filter((w) => w.id !== 'apec');
        const first = who[0];
        if (!first) continue;
        const lead = LEAD_MARK.test(line);
        const onlyName =
          lead ||
          line
            .replace(/^\s*[-•*]\s+/u, '')
            .replace(/\([^)]*\)/gu, '')
            .trim().length <=
            first.end - first.start + 2;
        if (!onlyName) continue;
        if (!useMention(ctx, first, RULE, ls, ls + line.length)) continue;
        listed.add(first.id);
        const prov = provFor(ctx, ls, ls + line.length);
        ctx.draft.addEdge({
          type: lead ? 'LED' : 'SCHEDULED_IN',
          from: first.id,
          to: id,
          prov,
          rule: RULE,
          confidence: lead ? 0.85 : 0.7,
        });
      }
    }
    // Pass 2: the report's own account.
    for (const s of ctx.sections) {
      const meeting = meetingOf(ctx, s.start);
      // Not the heading of a meeting itself, nor the report's top-level parts (壹、貳、…).
      if (
        !meeting ||
        agendaRoot(ctx, s) ||
        ctx.meetings.some((m) => m.scopes.some((x) => x.start === s.start))
      )
        continue;
      if (/^[壹貳參肆伍陸柒捌玖拾]$/u.test(s.label)) continue;
      // An item whose children open with delegations.
      const kids = childrenOf(ctx.sections, s);
      const subjects = kids.map((k) => ({ k, m: subjectOfSection(ctx, k, SPEAKER_LABELS) }));
      const speaking = subjects.filter((x) => x.m && x.m.id !== 'apec');
      if (kids.length >= 2 && speaking.length >= 2 && speaking.length * 2 >= kids.length) {
        const own = sessionNode(ctx, s, meeting);
        if (!own) continue;
        const speakerIds = [...new Set(speaking.map((x) => x.m?.id ?? ''))];
        proseLeads(ctx, own, s.start, kids[0]?.start ?? s.end);
        let order = 0;
        for (const { k, m } of speaking) {
          if (!m) continue;
          const firstSentence = ctx.sentences.find((x) => x.start >= k.start && x.end > m.end);
          const end = Math.min(k.end, Math.max(headingEnd(ctx, k), firstSentence?.end ?? k.end));
          if (!useMention(ctx, m, RULE, k.start, end)) continue;
          order++;
          const to = agendaTarget(items, meeting.id, speakerIds, m.id) ?? own;
          ctx.draft.addEdge({
            type: 'SPOKE_IN',
            from: m.id,
            to,
            props: { order },
            prov: provFor(ctx, k.start, end),
            rule: RULE,
            confidence: 0.8,
          });
        }
        continue;
      }
      // Prose: sentences that open with delegations and a speaking verb, in a leaf section with a heading of its own
      // (not one delegation's item of a session already found).
      const paragraphLike = (x: Section) => x.title.length > 60 || /[。，,.]$|[。，]/u.test(x.title);
      if (paragraphLike(s) || !kids.every(paragraphLike)) continue;
      const parent = parentOf(ctx.sections, s);
      if (
        parent &&
        childrenOf(ctx.sections, parent).filter((k) => subjectOfSection(ctx, k, SPEAKER_LABELS)).length >= 2
      )
        continue;
      if (subjectOfSection(ctx, s, SPEAKER_LABELS)) continue;
      let id: string | undefined;
      let order = 0;
      for (const sen of ctx.sentences) {
        if (sen.start < s.start || sen.end > s.end) continue;
        const body = ctx.text.slice(sen.start, sen.end);
        const verb = SPEAK.exec(body);
        if (!verb) continue;
        const verbAt = sen.start + verb[0].length;
        const who = mentionsIn(ctx, sen.start, verbAt, SPEAKER_LABELS).filter(
          (w) => w.id !== 'apec' && !/^籍/u.test(ctx.text.slice(w.end, w.end + 1)),
        );
        const lead = ctx.text.slice(sen.start, who[0]?.start ?? sen.start).replace(/^[\s\-•\d.()（）]*/u, '');
        if (who.length === 0 || lead.length > 12) continue;
        id = id ?? sessionNode(ctx, s, meeting);
        if (!id) break;
        for (const w of who) {
          if (!useMention(ctx, w, RULE, sen.start, sen.end)) continue;
          order++;
          ctx.draft.addEdge({
            type: 'SPOKE_IN',
            from: w.id,
            to: id,
            props: { order },
            prov: provFor(ctx, sen.start, sen.end),
            rule: RULE,
            confidence: 0.65,
          });
        }
      }
      if (id) proseLeads(ctx, id, s.start, s.end);
    }
  },
};
