// The Sources tab: every source document with the facts it backs; one source's full text with its outline,
// page numbers and every backing quote highlighted; a quote's facts, selected on the graph. State in the URL:
// x.src (source), x.sec (section), x.at (selected quote, `start-end`).
import './sources.css';
import type { SourceView, TextRange } from '../../model/source-text.js';
import type { SourceSummary } from '../../model/source-text-list.js';
import type { AppContext } from '../context.js';
import { dataText, h } from '../ui/dom.js';
import { setSourceState } from './show-in-source.js';
import { decodeRange, encodeRange, loadSourceView } from './source-cache.js';
import { createTextViewer, type TextViewer } from './text-view.js';

export function mountSources(el: HTMLElement, ctx: AppContext): () => void {
  const list = h('nav', { class: 'src-list', 'aria-label': ctx.t('sources.list') });
  const outline = h('nav', { class: 'src-outline', 'aria-label': ctx.t('sources.outline') });
  const docHead = h('div', { class: 'src-head' });
  const docBody = h('div', { class: 'src-body' });
  const facts = h('aside', { class: 'src-facts', 'aria-live': 'polite' });
  el.replaceChildren(
    h(
      'div',
      { class: 'src-view' },
      list,
      h('section', { class: 'src-doc' }, docHead, h('div', { class: 'src-main' }, outline, docBody)),
      facts,
    ),
  );

  let summaries: SourceSummary[] = [];
  let openId: string | undefined;
  let view: SourceView | undefined;
  let viewer: TextViewer | undefined;
  let loading = 0;

  const state = () => ctx.state.get().extra;
  const title = (s: SourceSummary) => (ctx.lang === 'zh-Hant' ? (s.titleZh ?? s.title) : s.title);

  const renderList = () => {
    const open = state().src;
    list.replaceChildren(
      h('h3', {}, ctx.t('sources.title')),
      h(
        'ul',
        {},
        summaries.map((s) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'src-item',
                'data-source': s.id,
                'aria-current': s.id === open ? 'true' : undefined,
                onclick: () => setSourceState(ctx, { src: s.id }),
              },
              h('span', { class: 'src-item-title' }, title(s)),
              h(
                'span',
                { class: 'src-item-meta' },
                [s.date, s.language].filter(Boolean).join(' · '),
                ' · ',
                ctx.t('sources.counts', { backed: s.backed, pending: s.pending }),
              ),
            ),
          ),
        ),
      ),
    );
  };

  const factLine = (id: string): HTMLElement => {
    const g = ctx.graph;
    const node = (n: string) =>
      h('button', { type: 'button', class: 'link-button', onclick: () => ctx.select(n) }, ctx.nodeName(n));
    if (g.hasNode(id))
      return h(
        'li',
        { 'data-fact': id },
        node(id),
        ` (${ctx.t(`label.${g.getNodeAttribute(id, 'category')}`)})`,
      );
    if (g.hasEdge(id)) {
      const rel = g.getEdgeAttribute(id, 'relType');
      return h(
        'li',
        { 'data-fact': id },
        node(g.source(id)),
        ` — ${ctx.t(`rel.${rel}`)} → `,
        node(g.target(id)),
      );
    }
    return h('li', { 'data-fact': id }, id);
  };

  /** Lists the facts of the picked highlights and shows them on the graph. */
  const showFacts = (range: TextRange | null) => {
    if (!view || !viewer || !range) {
      facts.replaceChildren(h('p', { class: 'hint' }, ctx.t('sources.pickHint')));
      ctx.highlight(null);
      return;
    }
    const ids = [...new Set(viewer.highlightsIn(range).flatMap((i) => view?.highlights[i]?.factIds ?? []))];
    const g = ctx.graph;
    const nodes = new Set<string>();
    const edges: string[] = [];
    for (const id of ids) {
      if (g.hasNode(id)) nodes.add(id);
      else if (g.hasEdge(id)) {
        edges.push(id);
        nodes.add(g.source(id));
        nodes.add(g.target(id));
      }
    }
    ctx.highlight(nodes.size > 0 ? { nodes: [...nodes], edges } : null, { source: 'sources' });
    facts.replaceChildren(
      h('h3', {}, ctx.t('sources.factsOfQuote', { count: ids.length })),
      h('blockquote', { class: 'src-quote' }, view.text.slice(range.start, range.end)),
      h('ul', { class: 'src-fact-list' }, ids.map(factLine)),
    );
  };

  const sectionAt = (offset: number): string | undefined => {
    let label: string | undefined;
    for (const s of view?.sections ?? []) {
      if (s.start <= offset) label = s.label;
      else break;
    }
    return label;
  };

  const pick = (hls: number[]) => {
    if (!view) return;
    const first = view.highlights[hls[0] ?? -1];
    if (!first) return;
    setSourceState(ctx, { src: openId, sec: sectionAt(first.start), at: encodeRange(first) });
  };

  /** Keyboard way through the quotes: the previous or next highlight from the selected one. */
  const step = (dir: 1 | -1) => {
    if (!view || view.highlights.length === 0) return;
    const at = decodeRange(state().at)?.start;
    const hls = view.highlights;
    const i =
      at === undefined
        ? dir === 1
          ? 0
          : hls.length - 1
        : dir === 1
          ? hls.findIndex((hl) => hl.start > at)
          : hls.findLastIndex((hl) => hl.start < at);
    if (i >= 0) pick([i]);
  };

  const renderOutline = () => {
    if (!view) return;
    const sec = state().sec;
    outline.replaceChildren(
      h('h4', {}, ctx.t('sources.outline')),
      h(
        'ol',
        {},
        view.sections.map((s) =>
          h(
            'li',
            { style: `--depth:${s.label.split('.').length - 1}` },
            h(
              'button',
              {
                type: 'button',
                class: 'src-sec',
                'data-section': s.label,
                'aria-current': s.label === sec ? 'true' : undefined,
                onclick: () => setSourceState(ctx, { src: openId, sec: s.label }),
              },
              // The source's own numbering and headings, as it writes them.
              h('span', { class: 'src-sec-label', 'data-content': '' }, s.label),
              s.title ? ' ' : '',
              s.title ? dataText(s.title) : '',
              s.page !== undefined
                ? h('span', { class: 'src-sec-page' }, ctx.t('sources.page', { page: s.page }))
                : '',
            ),
          ),
        ),
      ),
    );
  };

  /** Applies x.sec and x.at to an open source: the current quote, the scroll position, the facts. */
  const applyPosition = (scroll: boolean) => {
    if (!view || !viewer) return;
    const range = decodeRange(state().at);
    const mark = viewer.setCurrent(range);
    showFacts(range);
    renderOutline();
    if (!scroll) return;
    const sec = view.sections.find((s) => s.label === state().sec);
    if (range) viewer.scrollTo(range.start, 'center');
    else if (sec) viewer.scrollTo(sec.start, 'start');
    mark?.focus({ preventScroll: true });
  };

  const openSource = async (id: string | undefined) => {
    openId = id;
    view = undefined;
    viewer = undefined;
    const ticket = ++loading;
    if (!id) {
      docHead.replaceChildren(h('p', { class: 'hint' }, ctx.t('sources.chooseHint')));
      docBody.replaceChildren();
      outline.replaceChildren();
      showFacts(null);
      return;
    }
    docHead.replaceChildren(h('p', { class: 'hint' }, ctx.t('tabs.loading')));
    docBody.replaceChildren();
    try {
      const v = await loadSourceView(ctx, id);
      if (ticket !== loading) return;
      view = v;
      const summary = summaries.find((s) => s.id === id);
      const lang = summary?.language?.startsWith('zh') ? 'zh-Hant' : summary?.language;
      viewer = createTextViewer(v, lang, pick, (page) => ctx.t('sources.page', { page }));
      renderDocHead();
      docBody.replaceChildren(viewer.el);
      el.dataset.openSource = id;
      applyPosition(true);
    } catch (err) {
      if (ticket !== loading) return;
      docHead.replaceChildren(h('p', { class: 'error' }, (err as Error).message));
    }
  };

  /** The open source's title, its quote stepper and its counts, written again when the language changes. */
  const renderDocHead = () => {
    if (!view || !openId) return;
    const v = view;
    const summary = summaries.find((s) => s.id === openId);
    docHead.replaceChildren(
      h(
        'div',
        { class: 'src-step' },
        h('button', { type: 'button', id: 'src-prev', onclick: () => step(-1) }, ctx.t('sources.prevQuote')),
        h('button', { type: 'button', id: 'src-next', onclick: () => step(1) }, ctx.t('sources.nextQuote')),
      ),
      h('h3', { class: 'src-doc-title' }, summary ? title(summary) : openId),
      h(
        'p',
        { class: 'src-doc-meta' },
        ctx.t('sources.docMeta', { quotes: v.highlights.length, sections: v.sections.length }),
        v.pages.length > 0 ? ` · ${ctx.t('sources.pages', { pages: v.pages.length })}` : '',
      ),
    );
  };

  const load = async () => {
    try {
      summaries = await ctx.api.sources();
    } catch (err) {
      list.replaceChildren(h('p', { class: 'error' }, (err as Error).message));
      return;
    }
    renderList();
    await openSource(state().src);
  };

  const unsubscribe = ctx.state.subscribe((s, prev) => {
    const x = s.extra;
    const p = prev.extra;
    if (x.src !== p.src) {
      renderList();
      void openSource(x.src);
    } else if (x.sec !== p.sec || x.at !== p.at) applyPosition(true);
  });
  const offLang = ctx.onLangChange(() => {
    list.setAttribute('aria-label', ctx.t('sources.list'));
    outline.setAttribute('aria-label', ctx.t('sources.outline'));
    renderList();
    if (view) renderDocHead();
    else if (!openId) docHead.replaceChildren(h('p', { class: 'hint' }, ctx.t('sources.chooseHint')));
    applyPosition(false);
  });
  void load();
  return () => {
    unsubscribe();
    offLang();
  };
}
