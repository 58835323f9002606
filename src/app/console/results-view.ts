// A query result as an accessible table; nodes and ids that exist in the explorer's graph become links to them.
import type { QueryResult } from '../api.js';
import type { AppContext } from '../context.js';
import { h } from '../ui/dom.js';

const MAX_LIST_ITEMS = 25;

interface NodeLike {
  id: string;
  labels: string[];
}
interface EdgeLike {
  id?: string;
  type: string;
  source: string;
  target: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isNode(v: unknown): v is NodeLike {
  return isObject(v) && typeof v.id === 'string' && Array.isArray(v.labels);
}
function isEdge(v: unknown): v is EdgeLike {
  return (
    isObject(v) && typeof v.type === 'string' && typeof v.source === 'string' && typeof v.target === 'string'
  );
}
function pathParts(v: unknown): { nodes: unknown[]; edges: unknown[] } | null {
  if (!isObject(v) || !Array.isArray(v.nodes)) return null;
  const edges = v.edges ?? v.relationships;
  return Array.isArray(edges) ? { nodes: v.nodes, edges } : null;
}

/** A link to a node; `text` is what the query returned when it returned the id itself rather than the node. */
function nodeLink(ctx: AppContext, id: string, text?: string): HTMLElement {
  if (!ctx.graph.hasNode(id)) return h('code', {}, id);
  const title = text === undefined ? id : ctx.nodeName(id);
  const b = h(
    'button',
    { type: 'button', class: 'cq-node inline-link', 'data-node': id, title },
    text ?? ctx.nodeName(id),
  );
  b.addEventListener('click', () => {
    ctx.select(id);
    void ctx.flyTo(id);
  });
  return b;
}

function relLabel(ctx: AppContext, type: string): string {
  const text = ctx.t(`rel.${type}`);
  return text === `rel.${type}` ? type : text;
}

export function renderValue(ctx: AppContext, v: unknown): Node | string {
  if (v === null || v === undefined) return h('span', { class: 'cq-null' }, 'null');
  if (typeof v === 'string') return ctx.graph.hasNode(v) ? nodeLink(ctx, v, v) : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isNode(v)) return nodeLink(ctx, v.id);
  if (isEdge(v)) {
    return h(
      'span',
      { class: 'cq-edge', title: v.type },
      nodeLink(ctx, v.source),
      ` —${relLabel(ctx, v.type)}→ `,
      nodeLink(ctx, v.target),
    );
  }
  const path = pathParts(v);
  if (path) {
    return h(
      'span',
      { class: 'cq-path' },
      path.nodes.flatMap((n, i) => {
        const e = path.edges[i];
        return [renderValue(ctx, n), isEdge(e) ? ` —${relLabel(ctx, e.type)}— ` : ''];
      }),
    );
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    const shown = v.slice(0, MAX_LIST_ITEMS);
    return h(
      'span',
      { class: 'cq-list' },
      shown.flatMap((x, i) => (i === 0 ? [renderValue(ctx, x)] : [', ', renderValue(ctx, x)])),
      v.length > shown.length ? ` … (+${v.length - shown.length})` : '',
    );
  }
  return h('code', { class: 'cq-json' }, JSON.stringify(v));
}

export function renderResultTable(ctx: AppContext, result: QueryResult): HTMLTableElement {
  return h(
    'table',
    { class: 'cq-table' },
    h('caption', { class: 'sr-only' }, ctx.t('console.result')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        result.columns.map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      {},
      result.rows.map((row) =>
        h(
          'tr',
          {},
          row.map((v) => h('td', {}, renderValue(ctx, v))),
        ),
      ),
    ),
  );
}
