/**
 * The only way the sidebar builds markup: elements, attributes and text nodes through the DOM.
 * Strings always become text (`textContent` / text nodes), never markup, so a value read from
 * the workbook (an acteur, an anomaly message, a tab name) cannot inject HTML.
 */

export type Child = Node | string | number | null | undefined | false;

export interface Attrs {
  readonly [name: string]: string | number | boolean | null | undefined;
}

/**
 * `el('li', { class: 'x', 'aria-label': '…' }, 'texte', otherNode)`.
 * `true` sets an empty attribute, `false` / null / undefined omit it. Never `innerHTML`.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (/^on/i.test(name)) throw new Error(`Attribut d'événement interdit : ${name}`);
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Empties a container (its children only). */
export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`Élément #${id} absent de la barre latérale.`);
  return node as T;
}
