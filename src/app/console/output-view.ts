// The answer area: running, an error with its headline, or the result table with its summary line.
import type { AppContext } from '../context.js';
import { h } from '../ui/dom.js';
import { renderResultTable } from './results-view.js';
import { errorHeadline, type Outcome } from './state.js';

export function headlineText(ctx: AppContext, outcome: Extract<Outcome, { kind: 'error' }>): string {
  const { key, vars } = errorHeadline(outcome.error);
  return ctx.t(key, vars);
}

export function renderOutput(el: HTMLElement, ctx: AppContext, outcome: Outcome): void {
  switch (outcome.kind) {
    case 'idle':
      el.replaceChildren();
      return;
    case 'running':
      el.replaceChildren(h('p', { class: 'cq-muted' }, ctx.t('console.running')));
      return;
    case 'error': {
      const e = outcome.error;
      el.replaceChildren(
        h(
          'div',
          { class: `cq-error cq-error-${e.kind}`, role: 'alert', 'data-kind': e.kind, 'data-code': e.code },
          h('strong', {}, headlineText(ctx, outcome)),
          e.kind === 'unavailable' ? h('p', {}, ctx.t('console.howto')) : null,
          h('pre', { class: 'cq-error-message' }, e.message),
          h('p', { class: 'cq-muted' }, e.code),
        ),
      );
      return;
    }
    case 'result': {
      const { result, notOnGraph } = outcome;
      const nodes = result.graph.nodes.filter((n) => ctx.graph.hasNode(n.id)).length;
      const edges = result.graph.edges.filter((e) => ctx.graph.hasEdge(e.id)).length;
      el.replaceChildren(
        h(
          'p',
          { class: 'cq-meta' },
          h(
            'span',
            { class: 'cq-time' },
            ctx.t('console.rows', { rows: result.rows.length, ms: Math.round(result.timeMs) }),
          ),
          nodes + edges > 0 ? h('span', {}, ` · ${ctx.t('console.rowsGraph', { nodes, edges })}`) : null,
          notOnGraph > 0 ? h('span', {}, ` · ${ctx.t('console.notOnGraph', { count: notOnGraph })}`) : null,
        ),
        result.truncated
          ? h(
              'p',
              { class: 'cq-truncated', role: 'note' },
              ctx.t('console.truncated', { rows: result.rows.length }),
            )
          : '',
        result.rows.length === 0
          ? h('p', { class: 'cq-muted' }, ctx.t('console.empty'))
          : h('div', { class: 'cq-table-scroll' }, renderResultTable(ctx, result)),
      );
      return;
    }
  }
}
