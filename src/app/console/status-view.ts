// The Neo4j connection line at the top of the console's side bar.
import type { HealthResponse } from '../api.js';
import type { AppContext } from '../context.js';
import { h } from '../panels/dom.js';

export function renderStatus(
  el: HTMLElement,
  ctx: AppContext,
  health: HealthResponse | null,
  failed: boolean,
  recheck: () => void,
): void {
  if (!health && !failed) {
    el.className = 'cq-status';
    el.replaceChildren(h('span', { class: 'cq-dot cq-checking' }), ctx.t('console.neo4jChecking'));
    return;
  }
  const up = health?.neo4j.connected === true;
  el.className = `cq-status ${up ? 'cq-up' : 'cq-down'}`;
  el.dataset.connected = String(up);
  el.replaceChildren(
    h('span', { class: 'cq-dot', 'aria-hidden': 'true' }),
    up
      ? ctx.t('console.neo4jUp', { version: health?.neo4j.version ?? '' })
      : h(
          'span',
          {},
          h('strong', {}, ctx.t('console.neo4jDown')),
          health?.neo4j.message ? h('span', { class: 'cq-status-msg' }, health.neo4j.message) : null,
          h('span', { class: 'cq-howto' }, ctx.t('console.howto')),
          h('button', { type: 'button', class: 'cq-recheck', onclick: recheck }, ctx.t('console.recheck')),
        ),
  );
}
