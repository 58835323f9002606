// SUPPORTS: co-sponsors of a project. "該計畫獲得中國香港、墨西哥…及泰國支持", "co-sponsored by Chile, Peru and
// Viet Nam", "supported by …". The project is one the sentence names, else the last project named before it
// in the same numbered item.
import { mentionsIn, provFor, sectionOf, useMention } from './context-helpers.js';
import type { Rule } from './rule.js';

const RULE = 'project-supporters';
const SPAN =
  /獲(?:得)?([^。；]{2,120}?)(?:之)?(?:支持|贊助|連署)|(?:co-?sponsored|supported|endorsed) by ([^.;]{3,300})|co-?sponsors?(?: economies)?(?: are| were|:)\s*([^.;]{3,300})/giu;

export const supportersRule: Rule = {
  name: RULE,
  drafts: ['SUPPORTS'],
  run(ctx) {
    for (const s of ctx.sentences) {
      const body = ctx.text.slice(s.start, s.end);
      for (const m of body.matchAll(SPAN)) {
        const listText = m[1] ?? m[2] ?? m[3] ?? '';
        const at = s.start + (m.index ?? 0) + m[0].indexOf(listText);
        const economies = mentionsIn(ctx, at, at + listText.length, ['Economy']);
        if (economies.length === 0) continue;
        const sec = sectionOf(ctx, s.start);
        const named = ctx.projectMentions.filter((p) => p.start >= s.start && p.start < s.end);
        const before = ctx.projectMentions.filter(
          (p) =>
            p.start < s.start &&
            (p.section === sec.label ||
              sec.label.startsWith(`${p.section}.`) ||
              p.section.startsWith(sec.label)),
        );
        const project = named[0] ?? before[before.length - 1];
        if (!project) continue;
        const prov = provFor(ctx, s.start, s.end);
        for (const e of economies)
          if (useMention(ctx, e, RULE, s.start, s.end))
            ctx.draft.addEdge({
              type: 'SUPPORTS',
              from: e.id,
              to: project.id,
              prov,
              rule: RULE,
              confidence: 0.85,
            });
      }
    }
  },
};
