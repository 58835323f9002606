// ATTENDED with its mode: economies (and delegations of organisations) listed as attending a meeting.
// "本次會議共有澳洲、智利…等14個經濟體與會", "計 16 個經濟體實體與會，俄羅斯線上與會", "The meeting was attended by
// Australia; Canada; …", "Papua New Guinea and Russia participated virtually". Mode: virtual when the clause
// says so (線上, 視訊, virtually, online, remotely), else in person. Invitations (邀請, invited) are not
// attendance, and a sentence about another event (a workshop, a seminar) is left to other rules.
import { splitClauses } from '../text/sentences.js';
import { meetingsFor, mentionsIn, provFor, useMention } from './context-helpers.js';
import type { Rule } from './rule.js';

const RULE = 'attendance-list';
const VERB =
  /與會|出席|參加會議|參與會議|以(?:視訊|線上|實體|遠端)方式(?:參加|參與)|\battended\b|\bwere represented\b|\bwas represented\b|\bparticipated\s+(?:virtually|online|remotely|in person|in the meeting)|\bparticipated,?\s+namely\b|\bwere in attendance\b|\bjoined\s+(?:virtually|online|remotely)|\bjoined the meeting|\bwere present\b/u;
const VIRTUAL = /線上|視訊|遠端|遠距|virtual|online|remote|video/iu;
const IN_PERSON = /實體|親自|in person|in-person|physically/iu;
const NOT_ATTENDANCE = /邀請|invit|研討會|工作坊|說明會|workshop|seminar|absent|未出席|缺席|did not attend/iu;
const COUNT = /(\d{1,2})\s*(?:個經濟體|個會員|economies|member economies)/u;

export const attendanceRule: Rule = {
  name: RULE,
  drafts: ['ATTENDED'],
  run(ctx) {
    for (const s of ctx.sentences) {
      const body = ctx.text.slice(s.start, s.end);
      if (!VERB.test(body) || NOT_ATTENDANCE.test(body)) continue;
      const meetings = meetingsFor(ctx, s);
      if (meetings.length === 0) continue;
      let pending: ReturnType<typeof mentionsIn> = [];
      let pendingStart = s.start;
      for (const c of splitClauses(ctx.text, s)) {
        const clause = ctx.text.slice(c.start, c.end);
        const delegation = /派員|delegation|代表團/u.test(clause);
        const found = mentionsIn(ctx, c.start, c.end, delegation ? ['Economy', 'Organization'] : ['Economy']);
        if (!VERB.test(clause)) {
          if (/主辦|主持|hosted|chaired|host/iu.test(clause)) {
            pending = [];
            continue;
          }
          if (found.length > 0 && pending.length === 0) pendingStart = c.start;
          pending = [...pending, ...found];
          continue;
        }
        const all = [...pending, ...found];
        const start = pending.length > 0 ? pendingStart : c.start;
        pending = [];
        if (all.length === 0) continue;
        // Drop a mention that is an adjective of a person (印尼籍副主席) or the host (由韓國主辦).
        const economies = all.filter((m) => !/^籍/u.test(ctx.text.slice(m.end, m.end + 1)));
        const mode = VIRTUAL.test(clause) ? 'virtual' : 'in-person';
        const stated = mode === 'virtual' || IN_PERSON.test(clause);
        const n = Number(COUNT.exec(clause)?.[1] ?? Number.NaN);
        const ids = [...new Set(economies.map((m) => m.id))];
        const confidence = Number.isNaN(n) || n === ids.length ? 0.9 : 0.6;
        const prov = provFor(ctx, start, c.end);
        for (const m of economies) {
          if (!useMention(ctx, m, RULE, start, c.end)) continue;
          for (const mt of meetings) {
            // A mode the sentence does not state is not drafted: coverage then says "mode not stated".
            const props: Record<string, string | boolean> = stated ? { mode } : {};
            ctx.draft.addEdge({
              type: 'ATTENDED',
              from: m.id,
              to: mt.id,
              props,
              prov,
              rule: RULE,
              confidence,
            });
          }
        }
      }
    }
  },
};
