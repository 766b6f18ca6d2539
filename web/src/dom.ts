// the only way the dashboard builds DOM: text goes through textContent, never through innerHTML.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** Creates an element; `on*` attributes become listeners, strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'class') el.className = String(value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces the children of `el`. */
export function replace(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren();
  append(el, children);
}

export function $(selector: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`missing element ${selector}`);
  return el;
}

/**
 * Splits `text` into plain and marked pieces for the given needles (first occurrence of each,
 * case-insensitive); overlapping needles keep the earlier one. Returns nodes built with text only.
 */
export function highlight(text: string, needles: readonly { text: string | null | undefined; cls: string; label: string }[]): Node[] {
  const marks: { start: number; end: number; cls: string; label: string }[] = [];
  const lower = text.toLowerCase();
  for (const n of needles) {
    if (!n.text) continue;
    const i = lower.indexOf(n.text.toLowerCase());
    if (i < 0) continue;
    const end = i + n.text.length;
    if (marks.some((m) => i < m.end && end > m.start)) continue;
    marks.push({ start: i, end, cls: n.cls, label: n.label });
  }
  marks.sort((a, b) => a.start - b.start);
  const out: Node[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start > at) out.push(document.createTextNode(text.slice(at, m.start)));
    out.push(h('mark', { class: m.cls, title: m.label }, text.slice(m.start, m.end)));
    at = m.end;
  }
  if (at < text.length) out.push(document.createTextNode(text.slice(at)));
  return out;
}

/** A search snippet marks its matches with [brackets]: render them as <mark>. */
export function snippet(text: string): Node[] {
  const out: Node[] = [];
  const re = /\[([^\]]*)\]/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > at) out.push(document.createTextNode(text.slice(at, m.index)));
    out.push(h('mark', {}, m[1] ?? ''));
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(document.createTextNode(text.slice(at)));
  return out;
}

export function fmt(n: number): string {
  return n.toLocaleString('en-GB');
}
