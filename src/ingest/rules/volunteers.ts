// VOLUNTEERED_FOR (and LEADS for a volunteer lead): a chair invites economies to volunteer for a group ("主席
// 邀請會員經濟體自願成立小組草擬 AIDER 初稿", "invited economies to volunteer for a small group to draft …"), then
// the report lists who said yes ("中國、美國…均表達加入意願", "Chile, Japan and Peru volunteered"). The group is the
// graph/ node whose name shares the longest run of words with the invitation, else a new one.
import type { NodeRecord } from '../../model/types.js';
import { longestCommonRun } from '../text/common-run.js';
import { foldString } from '../text/fold.js';
import { mentionsIn, provFor, sectionOf, useMention } from './context-helpers.js';
import type { Rule, RuleContext } from './rule.js';

const RULE = 'volunteers';
const CONTEXT = /自願|志願|volunteer|nominate to lead/iu;
const GROUP = /小組|工作組|group|team|committee|task force/iu;
const YES =
  /表達加入意願|願意加入|自願加入|同意加入|表示加入|\bvolunteered\b|\bexpressed (?:their |an )?interest in joining\b|\bagreed to join\b|\bsigned up\b|\bwill join\b/iu;
const LEAD = /自願(?:擔任|領導)|願意領導|volunteered to (?:lead|chair|convene)/iu;

function groupFor(ctx: RuleContext, invitation: string): NodeRecord | undefined {
  const f = foldString(invitation);
  let best: NodeRecord | undefined;
  let score = 0;
  for (const n of ctx.kb.nodes) {
    if (n.label !== 'Forum' || !GROUP.test(`${n.name} ${n.nameZh ?? ''}`)) continue;
    for (const name of [n.name, n.nameZh]) {
      if (!name) continue;
      const folded = foldString(name);
      // Most of the group's name must be there, not just "small group to draft".
      const sc = longestCommonRun(f, folded) / folded.length;
      if (sc > score) {
        score = sc;
        best = n;
      }
    }
  }
  return score >= 0.6 ? best : undefined;
}

export const volunteersRule: Rule = {
  name: RULE,
  drafts: ['VOLUNTEERED_FOR', 'LEADS', 'Forum'],
  run(ctx) {
    let group: { id: string; section: string } | undefined;
    for (const s of ctx.sentences) {
      const body = ctx.text.slice(s.start, s.end);
      const sec = sectionOf(ctx, s.start);
      let listFrom = s.start;
      const invitation = CONTEXT.exec(body);
      if (invitation && GROUP.test(body)) {
        const prov = provFor(ctx, s.start, s.end);
        const known = groupFor(ctx, body);
        let id: string | undefined;
        if (known) id = ctx.draft.mentionExisting(known.id, prov, RULE, 0.8);
        else {
          const quoted = /「([^」]*(?:小組|工作組|group|team|task force)[^」]*)」/iu.exec(body)?.[1];
          const phrase =
            quoted ??
            /(small group[^,.;]{2,80}|(?:drafting |working )?group[^,.;]{2,80}|小組[^，。]{2,30})/iu.exec(
              body,
            )?.[1] ??
            'volunteer group';
          id = ctx.draft.addNew({
            key: `${sec.label}|${phrase}`,
            label: 'Forum',
            name: phrase.trim(),
            anchors: [phrase],
            prov,
            rule: RULE,
            confidence: 0.6,
          });
        }
        if (id) group = { id, section: sec.label };
        // Who answered may follow in the same sentence, after the invitation's own clause.
        const clauseEnd = body.slice(invitation.index).search(/[，；,;]/u);
        listFrom = clauseEnd < 0 ? s.end : s.start + invitation.index + clauseEnd;
      }
      if (!group || !(sec.label === group.section || sec.label.startsWith(`${group.section}.`))) continue;
      const yes = YES.exec(ctx.text.slice(listFrom, s.end));
      if (!yes) continue;
      const at = listFrom + yes.index;
      const lead = LEAD.test(body);
      const economies = mentionsIn(ctx, listFrom, at, ['Economy']);
      const prov = provFor(ctx, s.start, s.end);
      for (const e of economies) {
        if (!useMention(ctx, e, RULE, s.start, s.end)) continue;
        ctx.draft.addEdge({
          type: lead ? 'LEADS' : 'VOLUNTEERED_FOR',
          from: e.id,
          to: group.id,
          prov,
          rule: RULE,
          confidence: 0.85,
        });
      }
    }
  },
};
