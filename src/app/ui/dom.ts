// Tiny DOM helpers: build elements declaratively and translate the static page.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** h('button', {class: 'x', onclick: fn}, 'text'): attributes, `on*` listeners, then children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'number' ? String(c) : c);
  }
  return el;
}

/**
 * Data shown as written (names, notes, section numbers, quotes): marked so that it is told apart from the
 * page's own words, which must all be in the page language (tests/e2e/language-switch.test.ts).
 */
export function dataText(text: string, tag: 'span' | 'p' | 'cite' = 'span'): HTMLElement {
  return h(tag, { 'data-content': '' }, text);
}

/** A translated template ("{source}, {section}") with its slots filled by nodes, so data in it can be marked. */
export function withSlots(template: string, slots: Record<string, Node | string>): (Node | string)[] {
  return template
    .split(/\{(\w+)\}/)
    .map((part, i) => (i % 2 ? (slots[part] ?? `{${part}}`) : part))
    .filter((part) => part !== '');
}

/** Fills `data-i18n` (text), `data-i18n-label` (aria-label and title) and `data-i18n-placeholder`. */
export function translateStatic(root: ParentNode, t: (key: string) => string): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n as string);
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const text = t(el.dataset.i18nLabel as string);
    el.setAttribute('aria-label', text);
    el.title = text;
  }
  for (const el of root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]')) {
    el.placeholder = t(el.dataset.i18nPlaceholder as string);
  }
}

/** Triggers a browser download of text or a blob. */
export function download(filename: string, content: Blob | string, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, class: 'sr-only' });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the URL asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Re-renders a panel and puts keyboard focus back on the control with the same `data-focus-key`. */
export function rerender(el: HTMLElement, build: () => void): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && el.contains(active) ? active.dataset.focusKey : undefined;
  build();
  if (key) el.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`)?.focus();
}
