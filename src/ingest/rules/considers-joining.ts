// CONSIDERS_JOINING: a stated intention to join a framework or forum. "該國政府目前正考量加入全球 CBPR 論壇",
// "表達加入 CBPR 之意願", "is considering joining the Global CBPR Forum", "expressed interest in participating in
// the CPEA". Negations ("無其他會員表達加入 CBPR 之意願", "no economy expressed interest") draft nothing.
import { mentionsIn, provFor, subjectAt, useMention } from './context-helpers.js';
import type { Rule } from './rule.js';

const RULE = 'considers-joining';
const INTENT =
  /(?:考量|考慮|評估|研議|有意|計畫|規劃)(?:申請)?加入|表達(?:[^，。]{0,10})?(?:加入|參加|參與)(?:[^，。]{0,20})?意願|considering (?:joining|participating)|consider(?:s)? joining|intends? to (?:join|participate)|interest in (?:joining|participating)|plans? to join/iu;
const NEGATION =
  /無其他|沒有|並無|未有|尚無|無經濟體|亦無|no (?:other )?(?:member )?econom|none of|did not|no new/iu;

export const considersJoiningRule: Rule = {
  name: RULE,
  drafts: ['CONSIDERS_JOINING'],
  run(ctx) {
    for (const s of ctx.sentences) {
      const body = ctx.text.slice(s.start, s.end);
      const m = INTENT.exec(body);
      if (!m || NEGATION.test(body)) continue;
      const at = s.start + m.index;
      const targets = mentionsIn(ctx, at, s.end, ['Framework', 'Forum']).filter((t) => t.id !== 'apec');
      const target = targets[0] ?? mentionsIn(ctx, s.start, at, ['Framework']).slice(-1)[0];
      if (!target) continue;
      const who =
        mentionsIn(ctx, s.start, at, ['Economy']).slice(-1)[0] ?? subjectAt(ctx, s.start, ['Economy']);
      if (!who) continue;
      const prov = provFor(ctx, s.start, s.end);
      if (
        useMention(ctx, target, RULE, s.start, s.end) &&
        (useMention(ctx, who, RULE, s.start, s.end) || ctx.draft.node(who.id))
      )
        ctx.draft.addEdge({
          type: 'CONSIDERS_JOINING',
          from: who.id,
          to: target.id,
          prov,
          rule: RULE,
          confidence: 0.8,
        });
    }
  },
};
