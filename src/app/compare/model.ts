// Two to four economies side by side, with the rows of the economy profile. Pure: the view and the CSV are
// drawn from this table, and a row "differs" when the economies do not all have the same value in it.
import type Graph from 'graphology';
import type { EdgeAttributes, NodeAttributes } from '../../model/types.js';
import { type EconomyProfile, economyProfile, type ProfileItem } from '../panels/economy-profile.js';

export const COMPARE_SECTIONS = [
  'meetings',
  'frameworks',
  'projectsLed',
  'projectsSupported',
  'dialoguesLed',
  'dialoguesSpoke',
  'roles',
  'absences',
] as const;
export type CompareSection = (typeof COMPARE_SECTIONS)[number];

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

export interface CompareCell {
  present: boolean;
  /** Mode, status, role…; for roles, the people who hold it. */
  detail: string;
  /** Relationships that state it (for the sources list). */
  edges: string[];
}

export interface CompareRow {
  /** The node the row is about (meeting, framework, project, session, body of the role, absence). */
  node: string;
  /** A role's title, which tells apart two roles in the same body. */
  qualifier?: string;
  cells: CompareCell[];
  differs: boolean;
}

export interface CompareTable {
  economies: string[];
  sections: { key: CompareSection; rows: CompareRow[]; counts: number[] }[];
}

type AnyGraph = Graph<NodeAttributes, EdgeAttributes>;

const EMPTY: CompareCell = { present: false, detail: '', edges: [] };

function itemsOf(
  p: EconomyProfile,
  section: CompareSection,
): { key: string; node: string; q?: string; cell: CompareCell }[] {
  const plain = (items: ProfileItem[]) =>
    items.map((i) => ({
      key: i.node,
      node: i.node,
      cell: { present: true, detail: i.detail ?? '', edges: i.edges },
    }));
  switch (section) {
    case 'meetings':
      return plain(p.meetings);
    case 'frameworks':
      return plain(p.frameworks);
    case 'projectsLed':
      return plain(p.projectsLed);
    case 'projectsSupported':
      return plain(p.projectsSupported);
    case 'dialoguesLed':
      return plain(p.sessions.filter((s) => s.detail?.split(', ').includes('led')));
    case 'dialoguesSpoke':
      return plain(p.sessions.filter((s) => s.detail?.split(', ').includes('spoke')));
    case 'roles': {
      // One row per body and role title; the cell names the economy's people holding it.
      const byRole = new Map<string, { key: string; node: string; q: string; cell: CompareCell }>();
      for (const r of p.roles) {
        const key = `${r.target}|${r.detail ?? ''}`;
        const item = byRole.get(key) ?? {
          key,
          node: r.target,
          q: r.detail ?? '',
          cell: { present: true, detail: '', edges: [] },
        };
        item.cell.detail = item.cell.detail ? `${item.cell.detail}, ${r.node}` : r.node;
        item.cell.edges.push(...r.edges);
        byRole.set(key, item);
      }
      return [...byRole.values()];
    }
    case 'absences':
      return [...p.absentMeetings, ...p.absentFrameworks, ...p.absentDialogues].map((node) => ({
        key: node,
        node,
        cell: { present: true, detail: '', edges: [] },
      }));
  }
}

/** Roles differ when one economy holds one and another does not; who holds it is bound to differ. */
function rowDiffers(section: CompareSection, cells: CompareCell[]): boolean {
  const first = cells[0] ?? EMPTY;
  return cells.some((c) => c.present !== first.present || (section !== 'roles' && c.detail !== first.detail));
}

export function compareEconomies(g: AnyGraph, economies: string[]): CompareTable {
  const chosen = economies.filter((e, i) => g.hasNode(e) && economies.indexOf(e) === i);
  const profiles = chosen.map((e) => economyProfile(g, e));
  const sections = COMPARE_SECTIONS.map((key) => {
    const perEconomy = profiles.map((p) => new Map(itemsOf(p, key).map((i) => [i.key, i])));
    const keys = new Map<string, { node: string; q?: string }>();
    for (const m of perEconomy)
      for (const [k, i] of m)
        if (!keys.has(k)) keys.set(k, { node: i.node, ...(i.q !== undefined ? { q: i.q } : {}) });
    const rows: CompareRow[] = [...keys]
      .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
      .map(([k, { node, q }]) => {
        const cells = perEconomy.map((m) => m.get(k)?.cell ?? EMPTY);
        return { node, ...(q ? { qualifier: q } : {}), cells, differs: rowDiffers(key, cells) };
      });
    const counts = perEconomy.map((m) => m.size);
    return { key, rows, counts };
  });
  return { economies: chosen, sections };
}

/** Keeps a valid selection for the URL: known economies, no repeats, at most four. */
export function normaliseSelection(ids: string[], isEconomy: (id: string) => boolean): string[] {
  return ids.filter((id, i) => isEconomy(id) && ids.indexOf(id) === i).slice(0, MAX_COMPARED);
}
