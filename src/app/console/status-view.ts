// The Neo4j connection line at the top of the console's side bar.
import type { HealthResponse } from '../api.js';
import type { AppContext } from '../context.js';
import { h } from '../ui/dom.js';

/** The database is on its way (the server is starting or restarting it): worth polling, not worth a how-to. */
export function databaseComing(health: HealthResponse | null): boolean {
  const status = health?.neo4j.status;
  return status === 'starting' || status === 'restarting';
}

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
  if (!up && databaseComing(health)) {
    el.className = 'cq-status cq-connecting';
    el.dataset.connected = 'false';
    el.replaceChildren(h('span', { class: 'cq-dot cq-checking' }), ctx.t('console.neo4jConnecting'));
    return;
  }
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
