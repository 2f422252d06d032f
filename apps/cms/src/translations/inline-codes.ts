/**
 * Inline HTML inside Markdown (`<abbr title="…">`, `<br>`, comments) is code, not text: in
 * XLIFF it becomes <pc> (a well-nested pair of tags around translatable text) or <ph> (any other
 * tag), with the original markup kept in <originalData>. A translator can move them, but cannot
 * change, drop or invent them. Markdown itself is plain text and stays as written.
 */
export type Inline =
  | string
  | { kind: 'ph'; id: string; dataRef: string }
  | { kind: 'pc'; id: string; dataRefStart: string; dataRefEnd: string; children: Inline[] };

export type Protected = { content: Inline[]; data: Record<string, string> };

const TAG = /<!--[\s\S]*?-->|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

type Frame = { name: string; open: string; children: Inline[] };

/** Splits a text into plain text and protected codes. */
export function protect(text: string): Protected {
  const data: Record<string, string> = {};
  let next = 1;
  const code = (markup: string) => {
    const ref = `d${next++}`;
    data[ref] = markup;
    return ref;
  };
  const root: Frame = { name: '', open: '', children: [] };
  const stack: Frame[] = [root];
  const top = () => stack[stack.length - 1]!;
  const unwind = (frame: Frame) => {
    // An opening tag never closed: a placeholder, its content back in its parent.
    const ref = code(frame.open);
    top().children.push({ kind: 'ph', id: ref.slice(1), dataRef: ref }, ...frame.children);
  };

  let last = 0;
  for (const match of text.matchAll(TAG)) {
    if (match.index > last) top().children.push(text.slice(last, match.index));
    last = match.index + match[0].length;
    const markup = match[0];
    const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(markup)?.[1]?.toLowerCase() ?? '';
    const closing = markup.startsWith('</');
    if (!name || markup.endsWith('/>') || VOID.has(name) || (closing && !stack.some((f) => f.name === name))) {
      const ref = code(markup);
      top().children.push({ kind: 'ph', id: ref.slice(1), dataRef: ref });
    } else if (!closing) {
      stack.push({ name, open: markup, children: [] });
    } else {
      while (top().name !== name) unwind(stack.pop()!);
      const frame = stack.pop()!;
      const start = code(frame.open);
      const end = code(markup);
      top().children.push({ kind: 'pc', id: start.slice(1), dataRefStart: start, dataRefEnd: end, children: frame.children });
    }
  }
  if (last < text.length) top().children.push(text.slice(last));
  while (stack.length > 1) unwind(stack.pop()!);
  return { content: root.children, data };
}

/** The text again, codes replaced by their original markup. */
export function restore(content: Inline[], data: Record<string, string>): string {
  return content
    .map((part) => {
      if (typeof part === 'string') return part;
      if (part.kind === 'ph') return data[part.dataRef];
      return data[part.dataRefStart] + restore(part.children, data) + data[part.dataRefEnd];
    })
    .join('');
}

/** The codes of a content, as `kind:id` in document order. */
export function codesOf(content: Inline[]): string[] {
  return content.flatMap((part) =>
    typeof part === 'string' ? [] : part.kind === 'ph' ? [`ph:${part.id}`] : [`pc:${part.id}`, ...codesOf(part.children)],
  );
}
