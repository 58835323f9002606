// Organisations graph/ does not know yet, recognised by their shape: a Chinese agency name followed by its English
// name in brackets ("韓國科學技術情報通訊部 (Ministry of Science and ICT)"), or an English "Ministry of …" with its
// economy. They become new Organization nodes (with merge candidates) and mentions the later rules can use.
import type { Mention } from '../entities/gazetteer.js';
import { provFor } from './context-helpers.js';
import type { Rule } from './rule.js';

const RULE = 'organization-name';
const AGENCY =
  /([\u4e00-\u9fff]{2,20}?(?:部|委員會|局|署|院|處|中心|協會|公司))\s*[（(]\s*((?:Ministry|Department|Agency|Commission|Committee|Council|Authority|Institute|Office|Bureau|Administration|Centre|Center)\b[A-Za-z ,&'-]{2,80}?)\s*[)）]/gu;

export const organizationsRule: Rule = {
  name: RULE,
  drafts: ['Organization'],
  run(ctx) {
    const added: Mention[] = [];
    for (const m of ctx.text.matchAll(AGENCY)) {
      const zh = (m[1] ?? '').replace(/^[由與及和向對經在於將係為之]+/u, '');
      const en = (m[2] ?? '').trim();
      const start = (m.index ?? 0) + (m[1] ?? '').length - zh.length;
      const end = (m.index ?? 0) + m[0].length;
      // Already known under either name?
      if (
        ctx.mentions.some((x) => x.label === 'Organization' && x.start <= start && x.end >= start + zh.length)
      )
        continue;
      const id = ctx.draft.addNew({
        key: en,
        label: 'Organization',
        name: en,
        nameZh: zh,
        props: { kind: 'government agency' },
        prov: provFor(ctx, start, end),
        rule: RULE,
        confidence: 0.7,
      });
      if (id) added.push({ id, label: 'Organization', start, end, form: zh });
    }
    if (added.length === 0) return;
    // The new mentions replace what they cover (an economy inside an agency's name).
    ctx.mentions = [
      ...ctx.mentions.filter((x) => !added.some((a) => x.start < a.end && a.start < x.end)),
      ...added,
    ].sort((a, b) => a.start - b.start);
  },
};
