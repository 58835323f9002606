// A context menu (ARIA menu pattern): opened at a point, focus moves into it, arrows / Home / End move,
// Enter or Space chooses, Escape or Tab closes and gives focus back to where it was.
import { h } from '../ui/dom.js';

export interface MenuItem {
  /** Stable name for tests and for keeping the place when the menu is rebuilt. */
  id: string;
  /** What is drawn and read: text or elements (an arrow hidden from screen readers, words only for them). */
  content: (Node | string)[];
  disabled?: boolean;
  /** A line before this item. */
  separated?: boolean;
  run(): void;
}

export interface OpenMenu {
  readonly element: HTMLElement;
  close(opts?: { restoreFocus?: boolean }): void;
}

let current: OpenMenu | null = null;

export function closeMenu(): void {
  current?.close();
}

export function menuOpen(): boolean {
  return current !== null;
}

/** Opens the menu at client coordinates, inside `host`, and focuses its first usable item. */
export function openMenu(
  host: HTMLElement,
  at: { x: number; y: number },
  title: string,
  items: MenuItem[],
): OpenMenu {
  current?.close({ restoreFocus: false });
  const returnTo = document.activeElement as HTMLElement | null;
  const titleId = 'explore-menu-title';
  const buttons: HTMLButtonElement[] = [];
  const list = h('div', {
    role: 'menu',
    id: 'explore-menu',
    class: 'xp-menu-list',
    'aria-labelledby': titleId,
    'aria-orientation': 'vertical',
  });
  for (const item of items) {
    if (item.separated && buttons.length) list.append(h('div', { role: 'separator', class: 'xp-sep' }));
    const b = h(
      'button',
      {
        type: 'button',
        role: 'menuitem',
        tabindex: '-1',
        class: 'xp-item',
        'data-item': item.id,
        'aria-disabled': item.disabled ? 'true' : undefined,
      },
      ...item.content,
    );
    b.addEventListener('click', (e) => {
      e.preventDefault();
      if (item.disabled) return;
      menu.close();
      item.run();
    });
    buttons.push(b);
    list.append(b);
  }
  const element = h(
    'div',
    { class: 'xp-menu' },
    h('p', { class: 'xp-menu-title', id: titleId }, title),
    list,
  );
  host.append(element);
  // Kept inside the window: a node near the right or bottom edge opens its menu up or to the left.
  const box = element.getBoundingClientRect();
  const hostBox = host.getBoundingClientRect();
  const x = Math.min(at.x, window.innerWidth - box.width - 8);
  const y = Math.min(at.y, window.innerHeight - box.height - 8);
  element.style.left = `${Math.max(0, x - hostBox.left)}px`;
  element.style.top = `${Math.max(0, y - hostBox.top)}px`;

  const focusAt = (i: number) => {
    const n = buttons.length;
    if (n === 0) return;
    const b = buttons[((i % n) + n) % n] as HTMLButtonElement;
    for (const other of buttons) other.tabIndex = other === b ? 0 : -1;
    b.focus();
  };
  const index = () => buttons.indexOf(document.activeElement as HTMLButtonElement);
  list.addEventListener('keydown', (e) => {
    const i = index();
    if (e.key === 'ArrowDown') focusAt(i + 1);
    else if (e.key === 'ArrowUp') focusAt(i < 0 ? -1 : i - 1);
    else if (e.key === 'Home') focusAt(0);
    else if (e.key === 'End') focusAt(-1);
    else if (e.key === 'Enter' || e.key === ' ') buttons[i]?.click();
    else if (e.key === 'Escape') menu.close();
    else if (e.key === 'Tab') menu.close({ restoreFocus: false });
    else return;
    if (e.key !== 'Tab') e.preventDefault();
    // The page's own Escape (deselect) and shortcuts must not act on what the menu handled.
    e.stopPropagation();
  });
  const outside = (e: PointerEvent) => {
    if (!element.contains(e.target as Node)) menu.close({ restoreFocus: false });
  };
  // Registered after the opening event has finished, so the right click that opened it does not close it.
  setTimeout(() => document.addEventListener('pointerdown', outside, true));

  const menu: OpenMenu = {
    element,
    close(opts = {}) {
      if (current !== menu) return;
      current = null;
      document.removeEventListener('pointerdown', outside, true);
      const hadFocus = element.contains(document.activeElement);
      element.remove();
      if (opts.restoreFocus !== false && hadFocus && returnTo?.isConnected) returnTo.focus();
    },
  };
  current = menu;
  const first = buttons.findIndex((b) => b.getAttribute('aria-disabled') !== 'true');
  focusAt(Math.max(0, first));
  return menu;
}
