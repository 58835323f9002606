// The parameter fields under the editor. A parameter that names a node gets a picker that searches by name in
// both languages (the header search's index); others take text or JSON.
import type { SavedQuery } from '../api.js';
import type { AppContext } from '../context.js';
import { type Combobox, createCombobox } from '../search/combobox.js';
import { createGraphSearch } from '../search/graph-search.js';
import { h } from '../ui/dom.js';
import { formatParamValue, parseParamInput } from './params.js';
import { bilingual } from './side-view.js';
import { isNodeParam } from './state.js';

export interface ParamsView {
  /** Rebuilds the fields when the names or the saved query changed (or always, with force). */
  render(
    names: string[],
    saved: SavedQuery | undefined,
    values: Record<string, unknown>,
    force?: boolean,
  ): void;
}

export function createParamsView(
  el: HTMLElement,
  ctx: AppContext,
  onInput: (name: string, value: unknown) => void,
  onRun: () => void,
): ParamsView {
  // Pickers are kept by name: each subscribes to language changes, so they are made once, not per keystroke.
  const pickers = new Map<string, Combobox>();
  let shown = '';
  const runOnCtrlEnter = (ev: KeyboardEvent) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      onRun();
    }
  };

  const picker = (name: string): Combobox => {
    let c = pickers.get(name);
    if (!c) {
      c = createCombobox(ctx, createGraphSearch(ctx.graph), {
        id: `cq-param-${name}`,
        labelKey: 'console.pickNode',
        onChoose: (node) => {
          c?.setValue(node);
          c?.input.setAttribute('data-value', node);
          onInput(name, node);
        },
      });
      c.input.classList.add('cq-param-input', 'cq-param-node');
      c.input.dataset.param = name;
      c.input.addEventListener('keydown', runOnCtrlEnter);
      pickers.set(name, c);
    }
    return c;
  };

  const textField = (name: string, value: unknown, def: unknown, id: string) => {
    const input = h('input', {
      id,
      type: 'text',
      class: 'cq-param-input',
      'data-param': name,
      value: formatParamValue(value),
      placeholder: ctx.t('console.paramHint'),
    });
    input.addEventListener('input', () => onInput(name, parseParamInput(input.value, def)));
    input.addEventListener('keydown', runOnCtrlEnter);
    return input;
  };

  return {
    render(names, saved, values, force = false) {
      const key = `${saved?.id ?? ''}|${names.join(',')}|${ctx.lang}`;
      if (!force && key === shown) return;
      shown = key;
      if (names.length === 0) {
        el.replaceChildren();
        return;
      }
      const fields = names.map((name) => {
        const spec = saved?.params.find((p) => p.name === name);
        const value = name in values ? values[name] : spec?.default;
        const id = `cq-param-${name}`;
        const description = spec ? bilingual(ctx, spec.description) : '';
        let control: HTMLElement;
        if (isNodeParam(name, value, spec?.default, (n) => ctx.graph.hasNode(n))) {
          const c = picker(name);
          c.setValue(typeof value === 'string' ? value : null);
          if (typeof value === 'string') c.input.dataset.value = value;
          control = c.root;
        } else {
          control = textField(name, value, spec?.default, id);
        }
        return h(
          'span',
          { class: 'cq-param' },
          h(
            'label',
            { for: id, title: description || null },
            h('code', {}, `$${name}`),
            description ? h('span', { class: 'sr-only' }, ` ${description}`) : null,
          ),
          control,
        );
      });
      el.replaceChildren(
        h('div', { class: 'cq-param-list', role: 'group', 'aria-label': ctx.t('console.params') }, fields),
      );
    },
  };
}
