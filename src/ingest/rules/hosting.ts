// HOSTED: who hosts the report's meetings ("係由韓國主辦", "主辦國韓國", "hosted by Peru", "host economy Peru"),
// and other events the report says an economy or agency holds or will hold ("在海南省三亞市舉辦「…研討會」",
// "預計於 2025 年 SOM3 期間舉辦工作坊", "Chile will host a workshop on …"): those become new Meeting nodes.
import { similarity } from '../entities/candidates.js';
import { findDates } from '../entities/patterns.js';
import { splitClauses } from '../text/sentences.js';
import { meetingsFor, mentionsIn, provFor, sectionOf, subjectAt, useMention } from './context-helpers.js';
import type { Rule, RuleContext } from './rule.js';

const RULE = 'host';
const HOST_MEETING =
  /由\s*[^，。；]{0,30}?主辦|主辦國|主辦經濟體|\bhosted by\b|\bhost economy\b|\bhosted the meeting\b/iu;
const EVENT =
  /工作坊|研討會|說明會|推廣活動|活動|大會|論壇|部長級?會議|workshop|seminar|conference|symposium|forum|dialogue|event|ministerial/iu;
const HOLD =
  /舉辦|舉行|辦理|主辦|召開|\bhost(?:s|ed|ing)?\b|\bhold(?:s|ing)?\b|\bheld\b|\borgani[sz](?:e|es|ed|ing)\b|\bconvene[sd]?\b/iu;
const PLANNED = /預計|規劃|將|擬|計畫於|will|plan|to be held|upcoming/iu;
const HOST_LABELS = ['Economy', 'Organization'];

function eventName(clause: string, afterVerb: string): string | undefined {
  for (const m of clause.matchAll(/「([^」]{2,120})」/gu)) if (m[1] && EVENT.test(m[1])) return m[1];
  const en =
    /\b((?:an?|the)\s+)?((?:[A-Za-z-]+\s+){0,8}?(?:workshop|seminar|conference|symposium|forum|dialogue|event)(?:\s+on\s+[^,.;]{3,80})?)/iu.exec(
      clause,
    );
  if (en?.[2] && /[A-Za-z]/.test(clause) && !/[\u4e00-\u9fff]/u.test(clause)) return en[2].trim();
  const zh =
    /^[之了]?\s*((?:[\u4e00-\u9fffA-Za-z0-9 ]{0,30}?)(?:工作坊|研討會|說明會|推廣活動|活動|大會|論壇|部長級?會議)(?:（[A-Za-z]+）)?)/u.exec(
      afterVerb,
    );
  return zh?.[1]?.trim();
}

function hostsOf(ctx: RuleContext, start: number, verbAt: number, sentenceStart: number) {
  const before = mentionsIn(ctx, start, verbAt, HOST_LABELS).filter(
    (m) => !/邀請|invit/iu.test(ctx.text.slice(Math.max(start, m.start - 4), m.start)),
  );
  if (before.length > 0) return before;
  const subj = subjectAt(ctx, start, HOST_LABELS);
  if (subj) return [subj];
  return mentionsIn(ctx, sentenceStart, verbAt, ['Economy']).slice(0, 1);
}

const ANAPHOR = /本次會議|該會議|此會議|這次會議|this meeting|that meeting/iu;

/**
 * "本次會議將由該國於 TELWG 之主政單位，韓國科學技術情報通訊部 (Ministry of Science and ICT) 主辦": a host named
 * across clauses. "本次會議" in an item whose heading is about another event (有關數位及 AI 部長級會議籌辦情形) is
 * that event, if this draft has it; otherwise the report's meeting.
 */
function passiveHost(ctx: RuleContext, start: number, end: number): void {
  const body = ctx.text.slice(start, end);
  const m = /由([^。；;]{1,80}?)主辦|hosted by ([^.;]{2,80})/u.exec(body);
  if (!m) return;
  const spanAt = start + m.index;
  const hosts = mentionsIn(ctx, spanAt, spanAt + m[0].length, HOST_LABELS);
  const agencies = hosts.filter((h) => h.label === 'Organization');
  const chosen = agencies.length > 0 ? agencies : hosts;
  if (chosen.length === 0) return;
  let targets: string[] = [];
  if (ANAPHOR.test(body)) {
    const sec = sectionOf(ctx, start);
    const heading = sec.title;
    const phrase =
      /([\u4e00-\u9fffA-Za-z0-9 ]{2,20}(?:部長級?會議|工作坊|研討會|論壇|大會)|[A-Z][A-Za-z ]{2,60}(?:Ministerial Meeting|Workshop|Seminar|Forum))/u.exec(
        heading,
      )?.[1];
    if (phrase) {
      let best = 0.6;
      for (const n of ctx.draft.result().nodes) {
        if (n.label !== 'Meeting' || n.status !== 'new') continue;
        for (const name of [n.name, n.nameZh]) {
          if (!name) continue;
          const sc = similarity(name, phrase.replace(/^有關/u, ''));
          if (sc > best) {
            best = sc;
            targets = [n.id];
          }
        }
      }
      if (targets.length === 0) return;
    }
  }
  if (targets.length === 0) targets = meetingsFor(ctx, { start, end }).map((x) => x.id);
  const prov = provFor(ctx, start, end);
  for (const t of targets)
    for (const h of chosen)
      if (useMention(ctx, h, RULE, start, end))
        ctx.draft.addEdge({ type: 'HOSTED', from: h.id, to: t, prov, rule: RULE, confidence: 0.65 });
}

export const hostingRule: Rule = {
  name: RULE,
  drafts: ['HOSTED', 'Meeting'],
  run(ctx) {
    for (const s of ctx.sentences) {
      const body = ctx.text.slice(s.start, s.end);
      if (!HOLD.test(body) && !HOST_MEETING.test(body)) continue;
      let hosted = false;
      for (const c of splitClauses(ctx.text, s)) {
        const clause = ctx.text.slice(c.start, c.end);
        const prov = provFor(ctx, c.start, c.end);
        if (HOST_MEETING.test(clause) && !EVENT.test(clause)) {
          hosted = true;
          const hosts = mentionsIn(ctx, c.start, c.end, ['Economy']).filter(
            (m) => !/^籍/u.test(ctx.text.slice(m.end, m.end + 1)),
          );
          for (const mt of meetingsFor(ctx, s))
            for (const h of hosts.slice(0, 2))
              if (useMention(ctx, h, RULE, c.start, c.end))
                ctx.draft.addEdge({
                  type: 'HOSTED',
                  from: h.id,
                  to: mt.id,
                  prov,
                  rule: RULE,
                  confidence: 0.9,
                });
          continue;
        }
        const verb = HOLD.exec(clause);
        // Recurring activities ("將會持續…舉辦相關推廣活動") are not one event.
        if (!verb || !EVENT.test(clause) || /持續|繼續|continue to|regularly/iu.test(clause)) continue;
        const verbAt = c.start + verb.index;
        const name = eventName(clause, ctx.text.slice(verbAt + verb[0].length, c.end));
        if (!name || /^(?:相關)?活動$|^events?$/iu.test(name)) continue;
        // A quoted title that is a project's (drafted by the projects rule) is not an event.
        const titleAt = ctx.text.indexOf(name, c.start);
        if (
          ctx.projectMentions.some(
            (p) => p.start >= c.start && p.start <= titleAt + 2 && p.start >= titleAt - 2,
          )
        )
          continue;
        const hosts = hostsOf(ctx, c.start, verbAt, s.start);
        // Co-hosts, and an agency holding an event in its economy's item: the economy holds it too.
        if (
          /共同|jointly|co-host/iu.test(clause) ||
          (hosts.length > 0 && hosts.every((h) => h.label === 'Organization'))
        ) {
          const subj = subjectAt(ctx, c.start, ['Economy']);
          if (subj && !hosts.some((h) => h.id === subj.id)) hosts.push(subj);
        }
        if (hosts.length === 0) continue;
        const sec = sectionOf(ctx, c.start);
        const generic = !/「/u.test(clause);
        const key = generic
          ? `${sec.label}|${name.replace(/^[\u4e00-\u9fff]{0,4}?(?=工作坊|研討會)/u, '')}`
          : name;
        const props: Record<string, string> = { status: PLANNED.test(clause) ? 'planned' : 'held' };
        const d = findDates(clause, ctx.year)[0];
        if (d) props.startDate = d.start;
        const id = ctx.draft.addNew({
          key,
          label: 'Meeting',
          name,
          props,
          prov,
          rule: RULE,
          confidence: 0.7,
        });
        if (!id) continue;
        hosted = true;
        for (const h of hosts) {
          const start = Math.min(h.start, c.start);
          const hp = h.start < c.start ? provFor(ctx, s.start, c.end) : prov;
          if (useMention(ctx, h, RULE, start, c.end) || ctx.draft.node(h.id))
            ctx.draft.addEdge({ type: 'HOSTED', from: h.id, to: id, prov: hp, rule: RULE, confidence: 0.7 });
        }
      }
      if (!hosted) passiveHost(ctx, s.start, s.end);
    }
  },
};
