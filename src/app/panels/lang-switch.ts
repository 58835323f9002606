// English / 繁體中文 toggle in the header; the URL state holds the choice.
import { LANGS, type Lang, type Localizer } from '../i18n.js';
import { h } from '../ui/dom.js';

export function mountLangSwitch(el: HTMLElement, i18n: Localizer, choose: (lang: Lang) => void): void {
  const group = h('div', { role: 'group', class: 'segmented' });
  const buttons = LANGS.map((lang) =>
    h(
      'button',
      { type: 'button', 'data-lang': lang, lang, onclick: () => choose(lang) },
      // Each language is named in itself, so it can be found whatever the current one is.
      i18n.t(`lang.${lang}`),
    ),
  );
  group.append(...buttons);
  el.replaceChildren(group);
  const render = () => {
    group.setAttribute('aria-label', i18n.t('lang.switch'));
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.lang === i18n.lang));
  };
  render();
  i18n.onChange(render);
}
