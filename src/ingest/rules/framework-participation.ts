// PARTICIPATES_IN with certified-organisation counts: "我方取得 APEC CBPR 驗證之家數仍為 1 家", "目前共有 13 家
// 業者獲得 CBPR 驗證", "計有 17 個 CBPR 及 PRP 驗證組織，其中 11 個為取得 CBPR 驗證之組織及 6 個取得 PRP 驗證之組織",
// "Japan now has 5 CBPR-certified companies". Each count goes to the framework written next to it; a count
// next to two frameworks is a combined count. The participant is the economy the sentence or its item is about.
import type { Mention } from '../entities/gazetteer.js';
import { splitClauses } from '../text/sentences.js';
import { mentionsIn, provFor, subjectAt, useMention } from './context-helpers.js';
import type { Rule } from './rule.js';

const RULE = 'framework-participation';
const COUNT =
  /(\d{1,5})\s*(?:家|個|間)(?!月|年|項|經濟體)|(\d{1,5})\s+(?:[A-Za-z+-]+\s+){0,3}(?:certified\s+)?(?:organi[sz]ations|companies|businesses|firms|entities)/gu;
const CERT = /驗證|認證|certif/iu;

export const frameworkParticipationRule: Rule = {
  name: RULE,
  drafts: ['PARTICIPATES_IN'],
  run(ctx) {
    const frameworkAbbr = (id: string) => ctx.kb.nodes.find((n) => n.id === id)?.props.abbreviation;
    for (const s of ctx.sentences) {
      const body = ctx.text.slice(s.start, s.end);
      if (!CERT.test(body)) continue;
      const economiesInSentence = mentionsIn(ctx, s.start, s.end, ['Economy']);
      const who: Mention | undefined =
        economiesInSentence.find((m) => !/^籍/u.test(ctx.text.slice(m.end, m.end + 1))) ??
        subjectAt(ctx, s.start, ['Economy']);
      if (!who) continue;
      for (const c of splitClauses(ctx.text, s)) {
        const clause = ctx.text.slice(c.start, c.end);
        if (!CERT.test(clause) && !/其中|of which|including/iu.test(clause)) continue;
        const frameworks = mentionsIn(ctx, c.start, c.end, ['Framework']).filter(
          (f) => typeof frameworkAbbr(f.id) === 'string',
        );
        if (frameworks.length === 0) continue;
        const counts = [...clause.matchAll(COUNT)].map((m) => ({
          n: Number(m[1] ?? m[2]),
          at: c.start + (m.index ?? 0),
          end: c.start + (m.index ?? 0) + m[0].length,
        }));
        for (const k of counts) {
          // The frameworks between this count and the next one (or the end), else the nearest before it.
          const next = counts.find((x) => x.at > k.at)?.at ?? c.end;
          let fws = frameworks.filter((f) => f.start >= k.at && f.start < next && f.start - k.end < 40);
          if (fws.length === 0) fws = frameworks.filter((f) => f.end <= k.at).slice(-1);
          const ids = [...new Set(fws.map((f) => f.id))];
          const prov = provFor(ctx, c.start, c.end);
          const proofStart = who.start >= s.start && who.start < c.start ? s.start : c.start;
          if (!useMention(ctx, who, RULE, proofStart, c.end) && !ctx.draft.node(who.id)) continue;
          const p2 = proofStart === c.start ? prov : provFor(ctx, proofStart, c.end);
          const first = ids[0];
          if (ids.length === 1 && first) {
            const f = fws[0] as Mention;
            if (!useMention(ctx, f, RULE, c.start, c.end)) continue;
            const props: Record<string, string | number> = { certifiedOrganizations: k.n };
            if (ctx.draft.asOf) props.asOf = ctx.draft.asOf;
            const key = ctx.kb.edges.some(
              (e) => e.from === who.id && e.type === 'PARTICIPATES_IN' && e.to === first,
            )
              ? ctx.slug
              : undefined;
            const spec: Parameters<typeof ctx.draft.addEdge>[0] = {
              type: 'PARTICIPATES_IN',
              from: who.id,
              to: first,
              props,
              prov: p2,
              rule: RULE,
              confidence: 0.85,
            };
            if (key) spec.key = key;
            ctx.draft.addEdge(spec);
          } else if (ids.length > 1) {
            for (const f of fws) {
              if (!useMention(ctx, f, RULE, c.start, c.end)) continue;
              const key = ctx.kb.edges.some(
                (e) => e.from === who.id && e.type === 'PARTICIPATES_IN' && e.to === f.id,
              )
                ? ctx.slug
                : undefined;
              const spec: Parameters<typeof ctx.draft.addEdge>[0] = {
                type: 'PARTICIPATES_IN',
                from: who.id,
                to: f.id,
                props: {
                  [`certifiedOrganizations${ids.map((i) => String(frameworkAbbr(i))).join('And')}`]: k.n,
                },
                prov: p2,
                rule: RULE,
                confidence: 0.7,
              };
              if (key) spec.key = key;
              ctx.draft.addEdge(spec);
            }
          }
        }
      }
    }
  },
};
