// One fetch per source per page load, shared by the Sources view and every "show in source" link; and where a
// quote sits among a view's highlights.
import { locateQuote, type SourceView, squashText, type TextRange } from '../../model/source-text.js';
import type { AppContext } from '../context.js';

const views = new Map<string, Promise<SourceView>>();

export function loadSourceView(ctx: AppContext, id: string): Promise<SourceView> {
  let v = views.get(id);
  if (!v) {
    v = ctx.api.source(id);
    views.set(id, v);
    v.catch(() => views.delete(id));
  }
  return v;
}

/** Forget what was fetched: the review server rewrote graph/. */
export function forgetSourceViews(): void {
  views.clear();
}

const squash = (s: string) => s.replace(/\s+/gu, '');

/**
 * The highlight showing a quote: among those whose words are the quote, one backing the fact when it is known,
 * else the first at or after the cited section; a plain search of the text when no highlight has those words.
 */
export function rangeOfQuote(
  view: SourceView,
  quote: string,
  section?: string,
  factId?: string,
): TextRange | null {
  const q = squash(quote);
  const near = view.sections.find((s) => s.label === section)?.start ?? 0;
  const same = view.highlights.filter((hl) => squash(view.text.slice(hl.start, hl.end)) === q);
  const ofFact = factId ? same.filter((hl) => hl.factIds.includes(factId)) : [];
  const pool = ofFact.length > 0 ? ofFact : same;
  const best = pool.find((hl) => hl.start >= near) ?? pool[0];
  if (best) return { start: best.start, end: best.end };
  return locateQuote(squashText(view.text), quote, near);
}

/** `x.at` in the URL: the selected quote as `start-end`. */
export function encodeRange(r: TextRange): string {
  return `${r.start}-${r.end}`;
}

export function decodeRange(v: string | undefined): TextRange | null {
  const m = v ? /^(\d+)-(\d+)$/.exec(v) : null;
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end > start ? { start, end } : null;
}
