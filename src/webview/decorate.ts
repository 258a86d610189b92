import { button, el } from './dom';
import { placeholderTitle, splitPlaceholders } from '../protocol/placeholders';

/** Wraps each placeholder in the text under `root` in a span whose tooltip explains it (text nodes only). */
export function markPlaceholders(root: HTMLElement, restorable: boolean): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const found: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue?.includes('‹secret:')) {
      found.push(node as Text);
    }
  }
  for (const node of found) {
    const pieces = splitPlaceholders(node.nodeValue ?? '');
    node.replaceWith(
      ...pieces.map((piece) => {
        if (piece.kind === 'text') {
          return document.createTextNode(piece.text);
        }
        const span = el('span', 'placeholder', piece.text);
        span.title = placeholderTitle(piece.rule, piece.n, restorable);
        span.tabIndex = 0;
        return span;
      }),
    );
  }
}

/** A Wrap toggle for a code block: it scrolls sideways by default, wraps on request. */
export function wrapToggle(pre: HTMLElement): HTMLButtonElement {
  const toggle = button(pre.classList.contains('wrap') ? 'No wrap' : 'Wrap', 'secondary', () => {
    const wrapped = pre.classList.toggle('wrap');
    toggle.textContent = wrapped ? 'No wrap' : 'Wrap';
  });
  toggle.setAttribute('aria-label', 'Toggle line wrapping of this code block');
  return toggle;
}
