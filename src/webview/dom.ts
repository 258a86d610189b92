/** Creates an element with an optional class and text (set as textContent, never parsed as HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** A button of the given style that runs `onClick`. */
export function button(label: string, style: string, onClick: () => void): HTMLButtonElement {
  const node = el('button', style, label);
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}
