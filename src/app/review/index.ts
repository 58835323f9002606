// The Review tab (server started with `npm run review`): a drafted folder's queue, every pending node,
// relationship and later value with its quote in context, confidence and rule; filters; decisions by button or
// key (j/k, a, e, r, m); bulk accept by rule or confidence; ingest a file from the page; sync to Neo4j, the
// graph following without a reload. Folder in the URL as x.rf; the token as x.review.
import './review.css';
import type { Decision, EntryRef, QueueEntry } from '../../model/api-types.js';
import type { SourceView } from '../../model/source-text.js';
import type { PropValue } from '../../model/types.js';
import type { AppContext } from '../context.js';
import { propName, propValue } from '../props/text.js';
import { createCombobox } from '../search/combobox.js';
import { createGraphSearch } from '../search/graph-search.js';
import { showInSource } from '../sources/show-in-source.js';
import { forgetSourceViews, loadSourceView, rangeOfQuote } from '../sources/source-cache.js';
import { h } from '../ui/dom.js';
import { updateGraphInPlace } from './graph-sync.js';
import { createReviewApi, type FolderAnswer } from './review-api.js';

interface Row {
  entry: QueueEntry;
  position: number;
  context?: { before: string; quote: string; after: string };
}

/** Relationships listed on a merge card before "+N more". */
const MERGE_RELS = 6;

const refKey = (r: EntryRef) => (r.kind === 'update' ? `update:${r.file}:${r.index}` : `${r.kind}:${r.id}`);

export function mountReview(el: HTMLElement, ctx: AppContext): void {
  const token = ctx.state.get().extra.review;
  if (!token) {
    el.replaceChildren(h('p', { class: 'hint' }, ctx.t('review.off')));
    return;
  }
  const api = createReviewApi(token);
  const status = h('p', { class: 'rv-status', role: 'status', 'aria-live': 'polite' });
  const folderSelect = h('select', { id: 'rv-folder', 'aria-label': ctx.t('review.folder') });
  const typeSelect = h('select', { id: 'rv-type', 'aria-label': ctx.t('review.type') });
  const ruleSelect = h('select', { id: 'rv-rule', 'aria-label': ctx.t('review.rule') });
  const minConf = h('input', {
    id: 'rv-conf',
    type: 'number',
    min: 0,
    max: 1,
    step: 0.05,
    value: '0',
    'aria-label': ctx.t('review.minConfidence'),
  });
  const pendingOnly = h('input', { id: 'rv-pending', type: 'checkbox', checked: true });
  const fileInput = h('input', { id: 'rv-file', type: 'file', accept: '.pdf,.docx,.txt,.md' });
  const list = h('div', {
    class: 'rv-list',
    id: 'rv-list',
    tabindex: 0,
    role: 'listbox',
    'aria-label': ctx.t('review.queue'),
  });
  const detail = h('div', { class: 'rv-detail' });

  let answer: FolderAnswer | undefined;
  let rows: Row[] = [];
  let shown: Row[] = [];
  let current = 0;
  let busy = false;

  const say = (msg: string, error = false) => {
    status.textContent = msg;
    status.classList.toggle('error', error);
  };

  el.replaceChildren(
    h(
      'div',
      { class: 'rv-view' },
      h(
        'div',
        { class: 'rv-bar' },
        h('label', {}, `${ctx.t('review.folder')} `, folderSelect),
        h('label', { class: 'rv-drop', id: 'rv-drop' }, ctx.t('review.ingest'), ' ', fileInput),
        h('button', { type: 'button', id: 'rv-sync', onclick: () => void sync() }, ctx.t('review.sync')),
        status,
      ),
      h(
        'div',
        { class: 'rv-bar' },
        h('label', {}, `${ctx.t('review.type')} `, typeSelect),
        h('label', {}, `${ctx.t('review.rule')} `, ruleSelect),
        h('label', {}, `${ctx.t('review.minConfidence')} `, minConf),
        h('label', {}, pendingOnly, ` ${ctx.t('review.pendingOnly')}`),
        h(
          'button',
          { type: 'button', id: 'rv-bulk-rule', onclick: () => void bulk('rule') },
          ctx.t('review.bulkRule'),
        ),
        h(
          'button',
          { type: 'button', id: 'rv-bulk-conf', onclick: () => void bulk('confidence') },
          ctx.t('review.bulkConfidence'),
        ),
      ),
      h('p', { class: 'rv-keys', id: 'rv-keys' }, ctx.t('review.keys')),
      h('div', { class: 'rv-main' }, list, detail),
    ),
  );

  const options = (select: HTMLSelectElement, values: string[], all: string) => {
    const keep = select.value;
    select.replaceChildren(
      h('option', { value: '' }, all),
      ...values.map((v) => h('option', { value: v }, v)),
    );
    if (values.includes(keep)) select.value = keep;
  };

  const contextOf = (view: SourceView, e: QueueEntry): Row => {
    const p = e.prov[0];
    const r = p ? rangeOfQuote(view, p.quote, p.section) : null;
    if (!r) return { entry: e, position: Number.MAX_SAFE_INTEGER };
    return {
      entry: e,
      position: r.start,
      context: {
        before: view.text.slice(Math.max(0, r.start - 50), r.start),
        quote: view.text.slice(r.start, r.end),
        after: view.text.slice(r.end, r.end + 50),
      },
    };
  };

  const applyAnswer = async (a: FolderAnswer) => {
    answer = a;
    const option = [...folderSelect.options].find((o) => o.value === a.slug);
    if (option) {
      const pending = a.entries.filter((e) => e.review === 'pending').length;
      option.textContent = `${a.slug} (${ctx.t('review.pendingCount', { count: pending })})`;
    }
    const source =
      a.entries.find((e) => e.source)?.source ?? a.entries.find((e) => e.prov[0]?.source)?.prov[0]?.source;
    let view: SourceView | undefined;
    if (source) view = await loadSourceView(ctx, source).catch(() => undefined);
    rows = a.entries.map((e) => (view ? contextOf(view, e) : { entry: e, position: 0 }));
    // Position in the source, then file order (stable sort).
    rows.sort((x, y) => x.position - y.position);
    options(typeSelect, [...new Set(a.entries.map((e) => e.type))].sort(), ctx.t('review.all'));
    options(
      ruleSelect,
      [...new Set(a.entries.flatMap((e) => (e.rule ? [e.rule] : [])))].sort(),
      ctx.t('review.all'),
    );
    render();
  };

  const filtered = () => {
    const type = typeSelect.value;
    const rule = ruleSelect.value;
    const conf = Number(minConf.value) || 0;
    return rows.filter(
      (r) =>
        (!pendingOnly.checked || r.entry.review === 'pending') &&
        (!type || r.entry.type === type) &&
        (!rule || r.entry.rule === rule) &&
        (r.entry.confidence ?? 1) >= conf,
    );
  };

  const nodeLabel = (id: string | undefined) =>
    id && ctx.graph.hasNode(id) ? `${ctx.nodeName(id)} (${id})` : (id ?? '');

  const render = () => {
    shown = filtered();
    current = Math.min(current, Math.max(0, shown.length - 1));
    list.replaceChildren(
      ...shown.map((r, i) =>
        h(
          'div',
          {
            class: `rv-row${i === current ? ' is-current' : ''}`,
            role: 'option',
            id: `rv-row-${i}`,
            'aria-selected': String(i === current),
            'data-ref': refKey(r.entry.ref),
            'data-review': r.entry.review,
            onclick: () => {
              current = i;
              render();
            },
          },
          h('span', { class: 'rv-type' }, r.entry.type),
          ' ',
          h('strong', {}, r.entry.title),
          h(
            'span',
            { class: 'rv-meta' },
            ` ${r.entry.review}`,
            r.entry.confidence !== undefined ? ` · ${ctx.t('review.confidence')} ${r.entry.confidence}` : '',
            r.entry.rule ? ` · ${r.entry.rule}` : '',
          ),
          r.context
            ? h(
                'p',
                { class: 'rv-context' },
                `…${r.context.before}`,
                h('mark', {}, r.context.quote),
                `${r.context.after}…`,
              )
            : null,
        ),
      ),
    );
    if (shown.length === 0) list.append(h('p', { class: 'hint' }, ctx.t('review.empty')));
    list.setAttribute('aria-activedescendant', shown.length ? `rv-row-${current}` : '');
    // Scroll the list only (scrollIntoView would scroll the page's body as well).
    const row = list.querySelector<HTMLElement>('.is-current')?.getBoundingClientRect();
    const box = list.getBoundingClientRect();
    if (row && row.top < box.top) list.scrollTop -= box.top - row.top;
    else if (row && row.bottom > box.bottom) list.scrollTop += row.bottom - box.bottom;
    renderDetail();
  };

  const actions = (r: Row) => {
    const e = r.entry;
    const btn = (id: string, label: string, fn: () => void) =>
      h('button', { type: 'button', class: `rv-${id}`, onclick: fn }, label);
    return h(
      'div',
      { class: 'rv-actions' },
      e.type === 'update'
        ? [
            btn(
              'resolve-later',
              ctx.t('review.keepLater'),
              () =>
                void decide([
                  { kind: 'resolve', entry: e.ref as Extract<EntryRef, { kind: 'update' }>, keep: 'later' },
                ]),
            ),
            btn(
              'resolve-earlier',
              ctx.t('review.keepEarlier'),
              () =>
                void decide([
                  { kind: 'resolve', entry: e.ref as Extract<EntryRef, { kind: 'update' }>, keep: 'earlier' },
                ]),
            ),
          ]
        : [
            btn('accept', ctx.t('review.accept'), () => void decide([{ kind: 'accept', entry: e.ref }])),
            btn('edit', ctx.t('review.edit'), () => openEdit()),
            btn('reject', ctx.t('review.reject'), () => void decide([{ kind: 'reject', entry: e.ref }])),
            e.candidates?.length ? btn('merge', ctx.t('review.merge'), () => openMerge()) : null,
          ],
      e.prov[0]
        ? btn('show', ctx.t('sources.showInSource'), () => {
            const p = e.prov[0];
            const source = p?.source ?? e.source;
            if (p && source) void showInSource(ctx, { source, section: p.section, quote: p.quote });
          })
        : null,
    );
  };

  const renderDetail = (extra?: HTMLElement) => {
    const r = shown[current];
    if (!r) {
      detail.replaceChildren();
      return;
    }
    const e = r.entry;
    const conflict =
      e.type === 'update' && e.node
        ? h(
            'p',
            { class: 'rv-conflict' },
            ctx.t('review.conflict', {
              node: nodeLabel(e.node),
              prop: e.prop ?? '',
              earlier: String(
                ctx.graph.hasNode(e.node)
                  ? (ctx.graph.getNodeAttribute(e.node, 'props')[e.prop ?? ''] ?? '—')
                  : '—',
              ),
              later: String(e.value),
              section: e.prov[0]?.section ?? '',
              asOf: e.asOf ?? '',
            }),
          )
        : null;
    const parts: (HTMLElement | null)[] = [
      h('h3', {}, e.title),
      e.from ? h('p', {}, `${nodeLabel(e.from)} —${e.type}→ ${nodeLabel(e.to)}`) : null,
      conflict,
      h(
        'ul',
        { class: 'rv-prov' },
        e.prov.map((p) => h('li', {}, h('cite', {}, p.section), ' ', p.quote)),
      ),
      actions(r),
      extra ?? null,
    ];
    detail.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  };

  /** A merge card's body: properties in the page language and the relationships on that side. */
  const cardBody = (props: Record<string, unknown>, rels: string[]) => {
    const shown = Object.entries(props).filter(([, v]) => v !== undefined && v !== null);
    const more = rels.length - MERGE_RELS;
    return [
      shown.length
        ? h(
            'dl',
            { class: 'rv-card-props' },
            shown.flatMap(([k, v]) => [
              h('dt', {}, propName(ctx.t, k)),
              h('dd', {}, propValue(ctx.t, v as PropValue)),
            ]),
          )
        : h('p', { class: 'hint' }, ctx.t('review.noProps')),
      h('p', { class: 'rv-card-head' }, ctx.t('review.relationships', { count: rels.length })),
      h(
        'ul',
        { class: 'rv-card-rels' },
        rels.slice(0, MERGE_RELS).map((r) => h('li', {}, r)),
        more > 0 ? h('li', { class: 'hint' }, ctx.t('review.more', { count: more })) : null,
      ),
    ];
  };

  const relLine = (type: string, out: boolean, other: string) =>
    `${out ? '→' : '←'} ${ctx.t(`rel.${type}`)} ${ctx.graph.hasNode(other) ? ctx.nodeName(other) : other}`;

  const openMerge = () => {
    const r = shown[current];
    if (r?.entry.ref.kind !== 'node') return;
    const node = r.entry.ref.id;
    // What the report says about the drafted node (its drafted relationships) beside what graph/ has on each
    // candidate: the reviewer compares the two sides' facts, not only the names.
    const drafted = (answer?.entries ?? [])
      .filter((e) => e.ref.kind === 'edge' && e.review !== 'rejected' && (e.from === node || e.to === node))
      .map((e) => relLine(e.type, e.from === node, (e.from === node ? e.to : e.from) ?? ''));
    const existing = (id: string) =>
      ctx.graph.hasNode(id)
        ? [
            ...ctx.graph.mapOutEdges(id, (_e, a, _s, t) => relLine(a.relType, true, t)),
            ...ctx.graph.mapInEdges(id, (_e, a, s) => relLine(a.relType, false, s)),
          ]
        : [];
    const card = (id: string, score?: number) =>
      h(
        'div',
        { class: 'rv-card', 'data-candidate': id },
        h('strong', {}, nodeLabel(id)),
        score !== undefined ? h('p', {}, `${ctx.t('review.score')} ${score}`) : null,
        ...cardBody(ctx.graph.hasNode(id) ? ctx.graph.getNodeAttribute(id, 'props') : {}, existing(id)),
        h(
          'button',
          {
            type: 'button',
            class: 'rv-merge-into',
            onclick: () => void decide([{ kind: 'merge', node, into: id }]),
          },
          ctx.t('review.mergeInto'),
        ),
      );
    renderDetail(
      h(
        'div',
        { class: 'rv-merge' },
        h(
          'div',
          { class: 'rv-card rv-drafted' },
          h('strong', {}, `${r.entry.title} (${ctx.t('review.drafted')})`),
          ...cardBody(r.entry.props, drafted),
        ),
        ...(r.entry.candidates ?? []).map((c) => card(c.id, c.score)),
      ),
    );
    detail.querySelector<HTMLButtonElement>('.rv-merge-into')?.focus();
  };

  const openEdit = () => {
    const r = shown[current];
    if (!r || r.entry.type === 'update') return;
    const e = r.entry;
    const search = createGraphSearch(ctx.graph);
    let from = e.from;
    let to = e.to;
    const pickers =
      e.ref.kind === 'edge'
        ? [
            createCombobox(ctx, search, {
              id: 'rv-edit-from',
              labelKey: 'review.from',
              onChoose: (n) => (from = n),
            }),
            createCombobox(ctx, search, {
              id: 'rv-edit-to',
              labelKey: 'review.to',
              onChoose: (n) => (to = n),
            }),
          ]
        : [];
    pickers[0]?.setValue(from ?? null);
    pickers[1]?.setValue(to ?? null);
    const type = h('input', { id: 'rv-edit-type', value: e.type });
    const props = h('textarea', { id: 'rv-edit-props', rows: 2 }, JSON.stringify(e.props));
    const section = h('input', { id: 'rv-edit-section', value: e.prov[0]?.section ?? '' });
    const quote = h('textarea', { id: 'rv-edit-quote', rows: 2 }, e.prov[0]?.quote ?? '');
    const useSelection = () => {
      const sel = window.getSelection();
      const text = sel?.toString().trim();
      const anchor = sel?.anchorNode?.parentElement;
      if (text && anchor?.closest('.src-text')) {
        quote.value = text;
        const sec = ctx.state.get().extra.sec;
        if (sec) section.value = sec;
      } else say(ctx.t('review.noSelection'), true);
    };
    const save = () => {
      let parsed: Record<string, string | number | boolean>;
      try {
        parsed = JSON.parse(props.value || '{}');
      } catch {
        say(ctx.t('review.badProps'), true);
        return;
      }
      void decide([
        {
          kind: 'edit',
          entry: e.ref,
          edit: {
            ...(e.ref.kind === 'edge' ? { from, to, type: type.value.trim() } : { label: type.value.trim() }),
            props: parsed,
            prov: { section: section.value.trim(), quote: quote.value.trim() },
          },
        },
      ]);
    };
    const form = h(
      'form',
      {
        class: 'rv-edit',
        onsubmit: (ev: Event) => {
          ev.preventDefault();
          save();
        },
      },
      ...pickers.map((p) => p.root),
      h('label', {}, `${ctx.t('review.type')} `, type),
      h('label', {}, `${ctx.t('review.props')} `, props),
      h('label', {}, `${ctx.t('review.section')} `, section),
      h('label', {}, `${ctx.t('review.quote')} `, quote),
      h('button', { type: 'button', onclick: useSelection }, ctx.t('review.useSelection')),
      h('button', { type: 'submit', id: 'rv-edit-save' }, ctx.t('review.save')),
      h('button', { type: 'button', onclick: () => renderDetail() }, ctx.t('review.cancel')),
    );
    renderDetail(form);
    (pickers[0]?.input ?? type).focus();
  };

  const refreshGraph = async () => {
    forgetSourceViews();
    const data = await ctx.api.graph();
    updateGraphInPlace(ctx.graph, data);
    // Quotes and notes may have changed with the decision, and the fresh graph holds only their placeholders.
    ctx.details.forget();
    ctx.sigma.refresh();
  };

  const decide = async (decisions: Decision[]) => {
    if (!answer || busy || decisions.length === 0) return;
    busy = true;
    try {
      const next = await api.decide(answer.slug, decisions, answer.versions);
      say(ctx.t('review.written', { count: decisions.length }));
      await refreshGraph();
      await applyAnswer(next);
      list.focus();
    } catch (err) {
      say((err as Error).message, true);
    } finally {
      busy = false;
    }
  };

  const bulk = async (by: 'rule' | 'confidence') => {
    const rule = ruleSelect.value;
    const conf = Number(minConf.value) || 0;
    if (by === 'rule' && !rule) {
      say(ctx.t('review.chooseRule'), true);
      return;
    }
    const pick = rows.filter(
      (r) =>
        r.entry.review === 'pending' &&
        r.entry.type !== 'update' &&
        (by === 'rule' ? r.entry.rule === rule : (r.entry.confidence ?? 0) >= conf),
    );
    await decide(pick.map((r) => ({ kind: 'accept', entry: r.entry.ref })));
  };

  const sync = async () => {
    say(ctx.t('review.syncing'));
    try {
      await api.sync();
      await refreshGraph();
      say(ctx.t('review.synced'));
    } catch (err) {
      say((err as Error).message, true);
    }
  };

  const openFolder = async (slug: string | undefined) => {
    if (!slug) return;
    try {
      await applyAnswer(await api.folder(slug));
    } catch (err) {
      say((err as Error).message, true);
    }
  };

  const loadFolders = async (select?: string) => {
    const folders = await api.folders();
    folderSelect.replaceChildren(
      ...folders.map((f) =>
        h('option', { value: f.slug }, `${f.slug} (${ctx.t('review.pendingCount', { count: f.pending })})`),
      ),
    );
    const wanted =
      select ?? ctx.state.get().extra.rf ?? folders.find((f) => f.pending > 0)?.slug ?? folders[0]?.slug;
    if (wanted) folderSelect.value = wanted;
    await openFolder(folderSelect.value);
  };

  const ingest = async (file: File) => {
    say(ctx.t('review.ingesting', { name: file.name }));
    try {
      const { slug } = await api.ingest(file);
      say(ctx.t('review.ingested', { slug }));
      ctx.state.set({ extra: { ...ctx.state.get().extra, rf: slug } });
      await refreshGraph();
      await loadFolders(slug);
    } catch (err) {
      say((err as Error).message, true);
    }
  };

  folderSelect.addEventListener('change', () => {
    ctx.state.set({ extra: { ...ctx.state.get().extra, rf: folderSelect.value } });
    void openFolder(folderSelect.value);
  });
  for (const c of [typeSelect, ruleSelect, minConf, pendingOnly])
    c.addEventListener('change', () => render());
  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    if (f) void ingest(f);
  });
  const drop = el.querySelector<HTMLElement>('#rv-drop');
  drop?.addEventListener('dragover', (ev) => ev.preventDefault());
  drop?.addEventListener('drop', (ev) => {
    ev.preventDefault();
    const f = ev.dataTransfer?.files[0];
    if (f) void ingest(f);
  });

  list.addEventListener('keydown', (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const r = shown[current];
    const key = ev.key;
    if (key === 'j' || key === 'ArrowDown') current = Math.min(shown.length - 1, current + 1);
    else if (key === 'k' || key === 'ArrowUp') current = Math.max(0, current - 1);
    else if (!r) return;
    else if (key === 'a') {
      if (r.entry.type === 'update')
        void decide([
          { kind: 'resolve', entry: r.entry.ref as Extract<EntryRef, { kind: 'update' }>, keep: 'later' },
        ]);
      else void decide([{ kind: 'accept', entry: r.entry.ref }]);
    } else if (key === 'r') void decide([{ kind: 'reject', entry: r.entry.ref }]);
    else if (key === 'e') openEdit();
    else if (key === 'm') openMerge();
    else return;
    ev.preventDefault();
    if (key === 'j' || key === 'k' || key === 'ArrowDown' || key === 'ArrowUp') render();
  });

  void loadFolders().catch((err: Error) => say(err.message, true));
}
