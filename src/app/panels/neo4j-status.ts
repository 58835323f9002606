// Header indicator of the database behind the Cypher console, polled from /api/health.
import type { ApiClient, HealthResponse } from '../api.js';
import type { Localizer } from '../i18n.js';
import { h } from '../ui/dom.js';

const POLL_MS = 15_000;

export function mountNeo4jStatus(el: HTMLElement, api: ApiClient, i18n: Localizer): void {
  let last: HealthResponse | 'unreachable' | null = null;
  const dot = h('span', { class: 'status-dot', 'aria-hidden': 'true' });
  const text = h('span', { class: 'status-text' });
  const help = h('p', { class: 'status-help', id: 'neo4j-help' });
  const details = h('details', { class: 'status-details' }, h('summary', {}, dot, text), help);
  el.replaceChildren(details);
  el.setAttribute('role', 'status');

  const render = () => {
    el.setAttribute('aria-label', i18n.t('status.label'));
    let state: 'checking' | 'up' | 'down' = 'checking';
    if (last === 'unreachable') {
      state = 'down';
      text.textContent = i18n.t('status.unreachable');
      help.textContent = i18n.t('status.startServer');
    } else if (last?.neo4j.connected) {
      state = 'up';
      text.textContent = i18n.t('status.up', { version: last.neo4j.version ?? '' }).replace('  ', ' ');
      help.textContent = '';
    } else if (last) {
      state = 'down';
      text.textContent = i18n.t('status.down');
      help.textContent = [i18n.t('status.howto'), last.neo4j.message].filter(Boolean).join(' ');
    } else {
      text.textContent = i18n.t('status.checking');
    }
    el.dataset.state = state;
    details.classList.toggle('has-help', help.textContent !== '');
  };

  const poll = async () => {
    try {
      last = await api.health();
    } catch {
      last = 'unreachable';
    }
    render();
  };
  render();
  void poll();
  setInterval(() => void poll(), POLL_MS);
  i18n.onChange(render);
}
