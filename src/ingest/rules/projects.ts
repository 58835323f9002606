// APEC projects: number, title, lead and status. Two shapes: lists that carry the project number
// ("- Korea: Knowledge Sharing … (DESG 202 2024A)", or an economy bullet followed by its projects), and prose
// that names a project by its quoted title (「最小化…(Knowledge Sharing …)」計畫) under an economy's item. The
// status comes from the section a project sits in (已完成計畫 / Completed Projects → completed, 執行中 /
// Ongoing → ongoing, 新計畫提案 / New Project Proposals → proposed). A status that contradicts graph/ becomes
// an update (the builder keeps the earlier value and its source).

import { similarity } from '../entities/candidates.js';
import type { Mention } from '../entities/gazetteer.js';
import { findProjectNumbers, projectSlug } from '../entities/patterns.js';
import { parentOf } from '../structure/sections.js';
import { foldString } from '../text/fold.js';
import type { Section } from '../types.js';
import { mentionsIn, provFor, sectionOf, subjectAt, useMention } from './context-helpers.js';
import type { Rule, RuleContext } from './rule.js';

const RULE = 'project-list';

export function statusFromTitle(title: string): 'completed' | 'ongoing' | 'proposed' | undefined {
  const done = /已完成|已結案|結案|完成之?計畫|\bcompleted\b|\bconcluded\b/iu.test(title);
  const going = /執行中|進行中|\bongoing\b|\bcurrent projects\b|\bon-going\b/iu.test(title);
  const proposed =
    /新計畫|計畫提案|提案|\bproposals?\b|\bproposed\b|\bnew projects?\b|\bconcept notes?\b/iu.test(title);
  if (Number(done) + Number(going) + Number(proposed) !== 1) return undefined;
  return done ? 'completed' : going ? 'ongoing' : 'proposed';
}

function statusAt(
  ctx: RuleContext,
  offset: number,
): { status?: 'completed' | 'ongoing' | 'proposed'; projectContext: boolean } {
  let s: Section | undefined = sectionOf(ctx, offset);
  let projectContext = false;
  for (let i = 0; s && i < 4; i++) {
    if (/計畫|計劃|專案|project/iu.test(s.title)) projectContext = true;
    const st = statusFromTitle(s.title);
    if (st) return { status: st, projectContext: true };
    s = parentOf(ctx.sections, s);
  }
  return { projectContext };
}

function lineAround(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  return { start, end: nl < 0 ? text.length : nl };
}

function economyBulletAbove(ctx: RuleContext, lineStart: number, floor: number): Mention | undefined {
  let pos = lineStart - 1;
  for (let i = 0; i < 12 && pos > floor; i++) {
    const l = lineAround(ctx.text, pos);
    const t = ctx.text.slice(l.start, l.end).trim();
    pos = l.start - 1;
    if (t === '') continue;
    const ms = mentionsIn(ctx, l.start, l.end, ['Economy', 'Organization', 'Forum']);
    const rest = t
      .replace(/^[-•*]\s*/u, '')
      .replace(/\((?:presentation|TBC|virtual)\)/giu, '')
      .trim();
    const m = ms[0];
    if (m && ms.length === 1 && rest.length <= ctx.text.slice(m.start, m.end).length + 2) return m;
  }
  return undefined;
}

function addProject(
  ctx: RuleContext,
  spec: {
    key: string;
    name: string;
    nameZh?: string;
    number?: string;
    status?: string;
    provStart: number;
    provEnd: number;
  },
) {
  const prov = provFor(ctx, spec.provStart, spec.provEnd);
  const existing = spec.number
    ? ctx.kb.nodes.find((n) => n.label === 'Project' && n.props.projectNumber === spec.number)
    : undefined;
  let id: string | undefined;
  if (existing) {
    id = ctx.draft.mentionExisting(existing.id, prov, RULE);
    if (id && spec.number) ctx.draft.setProp(id, 'projectNumber', spec.number, prov, RULE, 0.9);
  } else {
    const props: Record<string, string> = {};
    if (spec.number) props.projectNumber = spec.number;
    const s: Parameters<typeof ctx.draft.addNew>[0] = {
      key: spec.key,
      label: 'Project',
      name: spec.name,
      props,
      prov,
      rule: RULE,
      confidence: spec.number ? 0.9 : 0.75,
    };
    if (spec.nameZh) s.nameZh = spec.nameZh;
    if (spec.number) s.anchors = [spec.number];
    id = ctx.draft.addNew(s);
  }
  if (id && spec.status) ctx.draft.setProp(id, 'status', spec.status, prov, RULE, 0.85);
  return id;
}

function lead(
  ctx: RuleContext,
  who: Mention | undefined,
  project: string,
  start: number,
  end: number,
  confidence: number,
) {
  if (!who) return;
  const s = Math.min(who.start, start);
  if (!useMention(ctx, who, RULE, s, end) && !ctx.draft.node(who.id)) return;
  ctx.draft.addEdge({
    type: 'LEADS',
    from: who.id,
    to: project,
    prov: provFor(ctx, s, end),
    rule: RULE,
    confidence,
  });
}

function under(ctx: RuleContext, project: string, forumAbbr: string, start: number, end: number) {
  const forum = ctx.kb.nodes.find((n) => n.label === 'Forum' && n.props.abbreviation === forumAbbr);
  if (!forum) return;
  const prov = provFor(ctx, start, end);
  if (ctx.draft.mentionExisting(forum.id, prov, RULE))
    ctx.draft.addEdge({ type: 'UNDER', from: project, to: forum.id, prov, rule: RULE, confidence: 0.9 });
}

export const projectsRule: Rule = {
  name: RULE,
  drafts: ['Project', 'Project.status', 'LEADS', 'UNDER'],
  run(ctx) {
    // 1. Lines carrying a project number.
    for (const hit of findProjectNumbers(ctx.text)) {
      const line = lineAround(ctx.text, hit.start);
      const raw = ctx.text.slice(line.start, hit.start);
      let title = raw.replace(/^[\s\-•*]+/u, '').replace(/[\s(（]+$/u, '');
      const sec = sectionOf(ctx, hit.start);
      let who: Mention | undefined;
      const colon = /^([^:：]{2,40})[:：]\s*/u.exec(title);
      if (colon) {
        const ms = mentionsIn(ctx, line.start, line.start + raw.indexOf(colon[0]) + colon[0].length, [
          'Economy',
          'Organization',
        ]);
        if (ms[0]) {
          who = ms[0];
          title = title.slice(colon[0].length);
        }
      }
      let nameZh: string | undefined;
      if (title.replace(/^[(（]?[\dA-Za-z一二三四五六七八九十]{1,3}[.)）、]\s*/u, '').length < 4) {
        // The number comes first: "TEL 01 2023A「數位韌性能力建構工作坊」（Capacity Building …）".
        const after = ctx.text.slice(hit.end, line.end);
        const zh = /「([^」]{2,120})」/u.exec(after)?.[1];
        const en = /[(（]([A-Z][^()（）]{6,200})[)）]/u.exec(after)?.[1];
        title = en ?? zh ?? '';
        if (zh) nameZh = zh;
      }
      // A lead written on the same line: "主導經濟體：日本", "由南韓主導", "lead economy: Japan", "led by Japan".
      if (!who) {
        const rest = ctx.text.slice(hit.end, line.end);
        const lm =
          /(?:主導經濟體|主辦經濟體|提案經濟體|lead economy|proposing economy)\s*[:：]\s*|由(?=[^，。]{1,12}主導)|led by\s+|proposed by\s+/iu.exec(
            rest,
          );
        if (lm) {
          const at = hit.end + lm.index + lm[0].length;
          who = mentionsIn(ctx, at, Math.min(line.end, at + 25), ['Economy', 'Organization'])[0];
        }
      }
      const bullet = who ? undefined : economyBulletAbove(ctx, line.start, sec.start);
      who = who ?? bullet;
      const { status } = statusAt(ctx, hit.start);
      const spec: Parameters<typeof addProject>[1] = {
        key: projectSlug(hit.number),
        name: title.length >= 4 ? title : hit.number,
        ...(nameZh ? { nameZh } : {}),
        number: hit.number,
        provStart: line.start,
        provEnd: line.end,
      };
      if (status) spec.status = status;
      const id = addProject(ctx, spec);
      if (!id) continue;
      ctx.projectMentions.push({ id, start: line.start, section: sec.label });
      if (who) lead(ctx, who, id, bullet ? bullet.start : line.start, line.end, 0.85);
      under(ctx, id, hit.forum, line.start, line.end);
    }
    // 2. Quoted titles in prose: 「中文 (English)」 or 「中文」(English), followed by 計畫/報告 or with an English name.
    const quoted =
      /「([^」]{4,160})」\s*(計畫|計劃|報告|專案)?\s*(?:[(（]([A-Z][^()（）\n]{8,200})[)）])?\s*(計畫|計劃|報告|專案|project)?/gu;
    for (const m of ctx.text.matchAll(quoted)) {
      const at = m.index ?? 0;
      const { status, projectContext } = statusAt(ctx, at);
      if (!projectContext) continue;
      const inner = m[1] ?? '';
      const innerParts = /^(.*?)\s*[(（]([A-Z][^()（）]{8,})[)）]\s*$/u.exec(inner);
      const zh = (innerParts?.[1] ?? inner).trim();
      const en = (innerParts?.[2] ?? m[3] ?? '').trim();
      if (!en && !m[2] && !m[4]) continue;
      if (!en && /研討會|說明會|工作坊/u.test(zh)) continue;
      const sec = sectionOf(ctx, at);
      // The same project as one already drafted (by its English title)?
      let id: string | undefined;
      if (en) {
        let best = 0;
        for (const n of ctx.draft.result().nodes) {
          if (n.label !== 'Project') continue;
          const sc = similarity(n.name.toLowerCase(), en.toLowerCase());
          if (sc > best && sc >= 0.75) {
            best = sc;
            id = n.id;
          }
        }
      }
      const end = at + m[0].length;
      if (id) {
        ctx.draft.addNew({
          key: ctx.draft.node(id)?.props.projectNumber
            ? projectSlug(String(ctx.draft.node(id)?.props.projectNumber))
            : foldString(en),
          label: 'Project',
          name: en,
          nameZh: zh,
          prov: provFor(ctx, at, end),
          rule: RULE,
          confidence: 0.85,
        });
        if (status) ctx.draft.setProp(id, 'status', status, provFor(ctx, at, end), RULE, 0.85);
      } else {
        if (!status) continue;
        const spec: Parameters<typeof addProject>[1] = {
          key: en || zh,
          name: en || zh,
          nameZh: zh,
          status,
          provStart: at,
          provEnd: end,
        };
        id = addProject(ctx, spec);
      }
      if (!id) continue;
      ctx.projectMentions.push({ id, start: at, section: sec.label });
      const sentenceStart = Math.max(ctx.text.lastIndexOf('。', at) + 1, sec.start);
      const who = mentionsIn(ctx, sentenceStart, at, ['Economy'])[0] ?? subjectAt(ctx, at);
      lead(
        ctx,
        who,
        id,
        who && who.start < at && who.start >= sentenceStart ? who.start : sec.start,
        end,
        0.8,
      );
    }
    // 3. Proposals without a title: "提出有關數位化供應鏈之計畫", "proposed a project on …".
    for (const m of ctx.text.matchAll(
      /提出(?:有關|關於)?([^，。「」\n]{2,30}?)之?計畫|proposed (?:a|two|three|new) (?:new )?projects? on ([^,.;\n]{4,80})/gu,
    )) {
      const at = m.index ?? 0;
      const { status } = statusAt(ctx, at);
      if (status !== 'proposed') continue;
      const name = (m[1] ?? m[2] ?? '').trim();
      if (!name || /「/u.test(name)) continue;
      const id = addProject(ctx, {
        key: name,
        name,
        nameZh: m[1] ? name : '',
        status,
        provStart: at,
        provEnd: at + m[0].length,
      });
      if (!id) continue;
      const sec = sectionOf(ctx, at);
      ctx.projectMentions.push({ id, start: at, section: sec.label });
      const lineStart = ctx.text.lastIndexOf('\n', at) + 1;
      const before = mentionsIn(ctx, lineStart, at, ['Economy', 'Organization']).slice(-1)[0];
      lead(ctx, before ?? subjectAt(ctx, at), id, before ? before.start : sec.start, at + m[0].length, 0.7);
    }
    ctx.projectMentions.sort((a, b) => a.start - b.start);
  },
};
