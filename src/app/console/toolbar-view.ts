// Run, "show only the result", clear highlight, and the result's downloads.
import type { AppContext } from '../context.js';
import { h } from '../ui/dom.js';

export interface ToolbarProps {
  running: boolean;
  only: boolean;
  hasResult: boolean;
  onRun(): void;
  onOnly(on: boolean): void;
  onClear(): void;
  onExport(format: 'csv' | 'json'): void;
}

export function renderToolbar(el: HTMLElement, ctx: AppContext, p: ToolbarProps): void {
  const toggle = h('input', { type: 'checkbox', id: 'cq-only', class: 'cq-only', checked: p.only });
  toggle.addEventListener('change', () => p.onOnly(toggle.checked));
  el.replaceChildren(
    h(
      'button',
      {
        type: 'button',
        class: 'cq-run',
        'aria-keyshortcuts': 'Control+Enter Meta+Enter',
        disabled: p.running,
        onclick: p.onRun,
      },
      p.running ? ctx.t('console.running') : ctx.t('console.run'),
    ),
    h('span', { class: 'cq-muted cq-hint' }, ctx.t('console.runHint')),
    h('span', { class: 'cq-only-wrap' }, toggle, h('label', { for: 'cq-only' }, ctx.t('console.only'))),
    h('button', { type: 'button', class: 'cq-clear', onclick: p.onClear }, ctx.t('console.clearHighlight')),
    p.hasResult
      ? h(
          'span',
          { class: 'cq-export', role: 'group', 'aria-label': ctx.t('console.export') },
          h(
            'button',
            { type: 'button', class: 'cq-export-csv', onclick: () => p.onExport('csv') },
            ctx.t('console.exportCsv'),
          ),
          h(
            'button',
            { type: 'button', class: 'cq-export-json', onclick: () => p.onExport('json') },
            ctx.t('console.exportJson'),
          ),
        )
      : '',
  );
}
