// HOLDS_ROLE (and LED for who chaired a meeting): "DESG 印尼籍副主席 Mr. Ichwan Makmur Nasution 主持", "JOP 主席
// Shannon Coe", "日籍石井純一主席", "Former DESG Vice Chair (Ben Jarvis)", "The Chair, Ms Lim Hui Min (Singapore),
// opened the meeting", "DESG Program Director will present". The forum is the one written with the role, else
// the one in the item's heading, else the meeting's. A person graph/ does not know becomes a new node.
import type { Mention } from '../entities/gazetteer.js';
import { headingEnd, meetingsFor, mentionsIn, provFor, sectionOf, useMention } from './context-helpers.js';
import type { Rule, RuleContext } from './rule.js';

const RULE = 'role-title';
const ROLE =
  /(Former\s+|Acting\s+|Outgoing\s+|Incoming\s+|former\s+|acting\s+)?(?:\(?([A-Z]{2,6})\)?,?\s+)?(Vice[- ]Chair(?:person)?|Co-Chair|Chair(?:person)?|Lead Shepherd|Convenor|Program(?:me)? Director)\b|(前任|代理|卸任)?(?:[\u4e00-\u9fff]{1,4}籍)?(副主席|共同主席|主席|召集人)/gu;
const LATIN_NAME =
  /^[\s,:(（]*(?:(?:Mr|Ms|Mrs|Dr|Prof|H\.E)\.?\s+)?([A-Z][a-z]+(?:[ -][A-Z][a-zA-Z]+){1,3})/u;
const ROLE_EN: Record<string, string> = {
  副主席: 'vice chair',
  共同主席: 'co-chair',
  主席: 'chair',
  召集人: 'convenor',
};

function roleName(raw: string): string {
  return (
    ROLE_EN[raw] ??
    raw.toLowerCase().replace(/-/g, ' ').replace('chairperson', 'chair').replace('programme', 'program')
  );
}

function forumFor(
  ctx: RuleContext,
  start: number,
  roleAt: number,
  sentenceStart: number,
  sectionStart: number,
  sectionHeadEnd: number,
): Mention | undefined {
  const near = mentionsIn(ctx, Math.max(sentenceStart, roleAt - 40), roleAt + 2, ['Forum']).filter(
    (f) => f.id !== 'apec',
  );
  if (near.length > 0) return near[near.length - 1];
  const after = /^\s*(?:of|of the)\s/u.test(
    ctx.text.slice(roleAt, roleAt + 40).replace(/^[A-Za-z -]+?(?=\s+of)/u, ''),
  )
    ? mentionsIn(ctx, roleAt, roleAt + 60, ['Forum'])[0]
    : undefined;
  if (after) return after;
  return (
    mentionsIn(ctx, sectionStart, sectionHeadEnd, ['Forum']).filter((f) => f.id !== 'apec')[0] ??
    (start < 0 ? undefined : undefined)
  );
}

export const rolesRule: Rule = {
  name: RULE,
  drafts: ['HOLDS_ROLE', 'LED', 'Person', 'REPRESENTS'],
  run(ctx) {
    for (const s of ctx.sentences) {
      const body = ctx.text.slice(s.start, s.end);
      for (const m of body.matchAll(ROLE)) {
        const roleAt = s.start + (m.index ?? 0);
        const roleEnd = roleAt + m[0].length;
        const raw = m[3] ?? m[5] ?? '';
        const statusWord = (m[1] ?? m[4] ?? '').trim().toLowerCase();
        const status = /former|前任|卸任|outgoing/u.test(statusWord)
          ? 'former'
          : /acting|代理/u.test(statusWord)
            ? 'acting'
            : undefined;
        // The person: a known one right before or after the role, else a Latin name right after it.
        const people = mentionsIn(ctx, s.start, s.end, ['Person']);
        let person: string | undefined;
        let personName: string | undefined;
        const rawAt = roleAt + Math.max(0, m[0].indexOf(raw));
        const adjacent = people.find(
          (p) => (p.end <= rawAt && rawAt - p.end < 3) || (p.start >= roleEnd && p.start - roleEnd < 6),
        );
        const later = people.find(
          (p) => p.start >= roleEnd && p.start - roleEnd < 80 && /[A-Za-z]/.test(raw),
        );
        const pick = adjacent ?? later;
        if (pick) {
          person = useMention(ctx, pick, RULE, s.start, s.end);
          personName = ctx.text.slice(pick.start, pick.end);
        } else {
          const name = LATIN_NAME.exec(ctx.text.slice(roleEnd, roleEnd + 60))?.[1];
          if (name && !/^(Will|Shall|Of|The|And|On|For)$/u.test(name.split(/\s/)[0] ?? '')) {
            personName = name;
          } else if (/Director|Shepherd|Convenor/u.test(raw)) {
            const forum = m[2];
            if (forum) personName = `${forum} ${raw}`;
          }
          if (personName) {
            person = ctx.draft.addNew({
              key: personName,
              label: 'Person',
              name: personName,
              prov: provFor(ctx, s.start, s.end),
              rule: RULE,
              confidence: 0.75,
            });
          }
        }
        if (!person || !personName) continue;
        const sec = sectionOf(ctx, s.start);
        const written = m[2]
          ? ctx.kb.nodes.find((n) => n.label === 'Forum' && n.props.abbreviation === m[2])
          : undefined;
        const forum =
          (written
            ? ({ id: written.id, label: 'Forum', start: roleAt, end: roleAt, form: '' } as Mention)
            : undefined) ??
          forumFor(ctx, 0, roleAt + (m[2] ? 0 : 0), s.start, sec.start, headingEnd(ctx, sec)) ??
          (() => {
            const mt = meetingsFor(ctx, s)[0];
            return mt
              ? ({ id: mt.forum, label: 'Forum', start: s.start, end: s.start, form: '' } as Mention)
              : undefined;
          })();
        const prov = provFor(ctx, s.start, s.end);
        if (forum && ctx.draft.mentionExisting(forum.id, prov, RULE)) {
          const props: Record<string, string> = { role: roleName(raw) };
          if (status) props.status = status;
          ctx.draft.addEdge({
            type: 'HOLDS_ROLE',
            from: person,
            to: forum.id,
            props,
            prov,
            rule: RULE,
            confidence: 0.8,
          });
        }
        // Nationality written with the role (印尼籍) or after the name ("(Singapore)").
        const nat = /([\u4e00-\u9fff]{1,4})籍/u.exec(m[0]);
        const natMention = nat
          ? mentionsIn(ctx, roleAt, roleEnd, ['Economy'])[0]
          : mentionsIn(ctx, roleEnd, Math.min(s.end, roleEnd + personName.length + 25), ['Economy']).find(
              (e) => /[(（]/u.test(ctx.text.slice(e.start - 2, e.start)),
            );
        if (natMention && useMention(ctx, natMention, RULE, s.start, s.end))
          ctx.draft.addEdge({
            type: 'REPRESENTS',
            from: person,
            to: natMention.id,
            prov,
            rule: RULE,
            confidence: 0.75,
          });
        // Who chaired or opened the meeting (a former office holder did not).
        const chairs = /主持|chaired|presided|opened the meeting|opening remarks|will chair/iu.test(body);
        if (chairs && status !== 'former') {
          const role = status === 'acting' ? `acting ${roleName(raw)}` : roleName(raw);
          for (const mt of meetingsFor(ctx, s))
            ctx.draft.addEdge({
              type: 'LED',
              from: person,
              to: mt.id,
              props: { role },
              prov,
              rule: RULE,
              confidence: 0.7,
            });
        }
      }
    }
  },
};
