// HOLDS_ROLE from the title page's table of travellers (服務機關 / 職稱 / 姓名), as Taiwanese trip reports have
// it: "國家發展委員會法制協調處	科長	鄭美華". Each row names an organisation graph/ knows, a title and a person.
import { mentionsIn, provFor } from './context-helpers.js';
import type { Rule } from './rule.js';

const RULE = 'cover-table';

export const coverTableRule: Rule = {
  name: RULE,
  drafts: ['HOLDS_ROLE', 'Person'],
  run(ctx) {
    const cover = ctx.sections[0];
    if (!cover) return;
    let pos = 0;
    for (const line of ctx.text.slice(0, cover.end).split('\n')) {
      const start = pos;
      pos += line.length + 1;
      const cells = line
        .split(/\t+|\s{3,}/u)
        .map((c) => c.trim())
        .filter(Boolean);
      if (cells.length < 3) continue;
      const orgs = mentionsIn(ctx, start, start + (cells[0]?.length ?? 0) + 1, ['Organization']);
      const org = orgs[0];
      const name = cells[cells.length - 1] ?? '';
      const role = cells.slice(1, -1).join(' ');
      if (!org || !/^([\u4e00-\u9fff]{2,4}|[A-Z][a-z]+(?: [A-Z][a-z]+){1,3})$/u.test(name)) continue;
      const prov = provFor(ctx, start, start + line.length);
      const known = mentionsIn(ctx, start, start + line.length, ['Person'])[0];
      const person = known
        ? ctx.draft.mentionExisting(known.id, prov, RULE)
        : ctx.draft.addNew({
            key: name,
            label: 'Person',
            name,
            nameZh: /[\u4e00-\u9fff]/u.test(name) ? name : '',
            prov,
            rule: RULE,
            confidence: 0.8,
          });
      if (!person || !ctx.draft.mentionExisting(org.id, prov, RULE)) continue;
      ctx.draft.addEdge({
        type: 'HOLDS_ROLE',
        from: person,
        to: org.id,
        props: { role },
        prov,
        rule: RULE,
        confidence: 0.85,
      });
    }
  },
};
