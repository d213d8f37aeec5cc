// Small DOM helpers shared by the full-page screens (and any panel that wants them). Every text
// goes in through textContent or an attribute, never as HTML: scenario text may hold markup, and
// it must show as the characters it is.

/** Attribute values: a string or number is set as text; true sets the attribute empty; false, null and undefined leave it out. */
export type Attrs = Record<string, string | number | boolean | null | undefined>;

/** `el('p', { class: 'hint' }, 'Some text')`: an element with attributes and, optionally, text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A `<button type="button">` with its text that calls `onClick` when pressed (click, Enter or Space). */
export function button(text: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  const node = el('button', { type: 'button', ...attrs }, text);
  node.addEventListener('click', () => {
    if (!node.disabled) onClick();
  });
  return node;
}

let serial = 0;

/** An id not used before on this page: `${prefix}-${n}` (for label `for`, aria-labelledby). */
export function uniqueId(prefix: string): string {
  serial += 1;
  return `${prefix}-${serial}`;
}

/**
 * Moves the keyboard focus to `node`; when it cannot take focus yet (its screen is still hidden
 * while the caller swaps screens), tries again on the next frame.
 */
export function focusSoon(node: HTMLElement): void {
  node.focus();
  if (document.activeElement !== node) requestAnimationFrame(() => node.focus());
}

/** Shows a full-page screen: replaces what `root` held and puts the view back at the top. */
export function showScreen(root: HTMLElement, screen: HTMLElement): void {
  root.replaceChildren(screen);
  root.scrollTop = 0;
  window.scrollTo(0, 0);
}
