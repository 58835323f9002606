// "Show in source": the hook the details panel and the coverage evidence call for a provenance entry. Opens the
// Sources tab on that source, scrolled to the quote, highlighted in its context (all of it through the URL).
import type { Provenance } from '../../model/types.js';
import type { AppContext } from '../context.js';
import { h } from '../panels/dom.js';
import { encodeRange, loadSourceView, rangeOfQuote } from './source-cache.js';

export interface SourceState {
  src?: string;
  sec?: string;
  at?: string;
}

/** Writes the Sources view's part of the URL (`x.src`, `x.sec`, `x.at`), leaving other panels' slots alone. */
export function setSourceState(ctx: AppContext, next: SourceState, openTab = false): void {
  const extra = { ...ctx.state.get().extra };
  for (const k of ['src', 'sec', 'at'] as const) {
    const v = next[k];
    if (v) extra[k] = v;
    else delete extra[k];
  }
  ctx.state.set({ extra, ...(openTab ? { tab: 'sources' } : {}) });
}

export async function showInSource(ctx: AppContext, prov: Provenance, factId?: string): Promise<void> {
  let at: string | undefined;
  try {
    const view = await loadSourceView(ctx, prov.source);
    const r = rangeOfQuote(view, prov.quote, prov.section, factId);
    at = r ? encodeRange(r) : undefined;
  } catch {
    // The view says why the source cannot be shown; open it anyway.
  }
  setSourceState(ctx, { src: prov.source, sec: prov.section, ...(at ? { at } : {}) }, true);
}

/** A small "show in source" button for a provenance entry. */
export function showInSourceButton(ctx: AppContext, prov: Provenance, factId?: string): HTMLButtonElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'link-button show-in-source',
      title: ctx.t('sources.showInSourceHint'),
      onclick: () => void showInSource(ctx, prov, factId),
    },
    ctx.t('sources.showInSource'),
  );
}
