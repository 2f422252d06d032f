import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { codesOf, protect, restore, type Inline } from './inline-codes';

/**
 * XLIFF 2.0 (OASIS, urn:oasis:names:tc:xliff:document:2.0) for translation agencies: one <file>
 * per document, one <unit> per translatable text field, one <segment> with its <source>, the
 * current <target> and a `state`. Written and read with fast-xml-parser in ordered mode (mixed
 * content keeps its order and whitespace); nothing is concatenated by hand.
 */
export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';

export type SegmentState = 'initial' | 'translated' | 'reviewed' | 'final';
export type XliffUnit = {
  field: string;
  source: string;
  target: string | null;
  state: SegmentState;
  /** The source text when the translation was last saved, for a field whose source changed since. */
  previousSource?: string | null;
};
export type XliffDocument = { uid: string; documentId: string; label: string; units: XliffUnit[] };
export type XliffFile = { srcLang: string; trgLang: string; documents: XliffDocument[] };

export class XliffError extends Error {}

/** Unit ids encode the type, the document and the field: `api::article.article--<documentId>--seo.metaTitle`. */
export const unitId = (uid: string, documentId: string, field: string) => `${uid}--${documentId}--${field}`;

// ---- writing ---------------------------------------------------------------------------------

type Node = Record<string, unknown>;
const el = (name: string, attributes: Record<string, string> | null, children: Node[]): Node =>
  attributes ? { [name]: children, ':@': prefixed(attributes) } : { [name]: children };
const prefixed = (attributes: Record<string, string>) => Object.fromEntries(Object.entries(attributes).map(([k, v]) => [`@_${k}`, v]));
const newline = (depth: number): Node => ({ '#text': `\n${'  '.repeat(depth)}` });

/** Characters XML cannot carry (or would normalise, like CR) travel as <cp hex="…"/>. */
// eslint-disable-next-line no-control-regex -- these characters are exactly what must be escaped
const SPECIAL = /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/;

function textNodes(text: string): Node[] {
  const nodes: Node[] = [];
  let rest = text;
  for (let match = SPECIAL.exec(rest); match; match = SPECIAL.exec(rest)) {
    if (match.index > 0) nodes.push({ '#text': rest.slice(0, match.index) });
    const hex = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    nodes.push(el('cp', { hex }, []));
    rest = rest.slice(match.index + 1);
  }
  if (rest) nodes.push({ '#text': rest });
  return nodes;
}

function inlineNodes(content: Inline[]): Node[] {
  return content.flatMap((part): Node[] => {
    if (typeof part === 'string') return textNodes(part);
    if (part.kind === 'ph') return [el('ph', { id: part.id, dataRef: part.dataRef }, [])];
    return [el('pc', { id: part.id, dataRefStart: part.dataRefStart, dataRefEnd: part.dataRefEnd }, inlineNodes(part.children))];
  });
}

function unitNode(document: XliffDocument, unit: XliffUnit): Node {
  const source = protect(unit.source);
  const children: Node[] = [];
  if (unit.previousSource !== undefined) {
    const note = el('note', { category: 'previous-source' }, textNodes(unit.previousSource ?? ''));
    children.push(newline(3), el('notes', null, [newline(4), note, newline(3)]));
  }
  const refs = Object.entries(source.data);
  if (refs.length > 0) {
    const data = refs.flatMap(([id, markup]) => [newline(4), el('data', { id }, textNodes(markup))]);
    children.push(newline(3), el('originalData', null, [...data, newline(3)]));
  }
  const segment: Node[] = [newline(4), el('source', null, inlineNodes(source.content))];
  if (unit.target !== null) {
    // The target uses the source's codes: the same markup, protected the same way.
    const target = protectLike(unit.target, source.data);
    segment.push(newline(4), el('target', null, inlineNodes(target)));
  }
  children.push(newline(3), el('segment', { state: unit.state }, [...segment, newline(3)]), newline(2));
  return el('unit', { id: unitId(document.uid, document.documentId, unit.field), name: unit.field }, children);
}

/** Protects a target with the source's code numbers where the markup is the same. */
function protectLike(target: string, sourceData: Record<string, string>): Inline[] {
  const own = protect(target);
  const unused = new Map<string, string[]>();
  for (const [ref, markup] of Object.entries(sourceData)) unused.set(markup, [...(unused.get(markup) ?? []), ref]);
  const mapping = new Map<string, string>();
  for (const [ref, markup] of Object.entries(own.data)) {
    const match = unused.get(markup)?.shift();
    if (!match) return [target]; // markup the source does not have: shown as text, the translator fixes it
    mapping.set(ref, match);
  }
  const remap = (content: Inline[]): Inline[] =>
    content.map((part) => {
      if (typeof part === 'string') return part;
      if (part.kind === 'ph') {
        const ref = mapping.get(part.dataRef)!;
        return { ...part, id: ref.slice(1), dataRef: ref };
      }
      const start = mapping.get(part.dataRefStart)!;
      return { ...part, id: start.slice(1), dataRefStart: start, dataRefEnd: mapping.get(part.dataRefEnd)!, children: remap(part.children) };
    });
  return remap(own.content);
}

export function writeXliff(file: XliffFile): string {
  const files = file.documents.map((document, index) => {
    const note = el('note', { category: 'document' }, textNodes(document.label));
    const units = document.units.flatMap((unit) => [newline(2), unitNode(document, unit)]);
    return el('file', { id: `f${index + 1}`, original: `${document.uid}/${document.documentId}` }, [
      newline(2),
      el('notes', null, [newline(3), note, newline(2)]),
      ...units,
      newline(1),
    ]);
  });
  const root = el('xliff', { xmlns: XLIFF_NS, version: '2.0', srcLang: file.srcLang, trgLang: file.trgLang }, [
    ...files.flatMap((f) => [newline(1), f]),
    { '#text': '\n' },
  ]);
  const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true, format: false });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build([root])}\n`;
}

// ---- reading ---------------------------------------------------------------------------------

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

const nameOf = (node: Ordered) => Object.keys(node).find((k) => k !== ':@')!;
const childrenOf = (node: Ordered) => (node[nameOf(node)] as Ordered[]) ?? [];
const attr = (node: Ordered, name: string) => node[':@']?.[`@_${name}`];
const elements = (nodes: Ordered[], name: string) => nodes.filter((n) => nameOf(n) === name);

function readInline(nodes: Ordered[], where: string): Inline[] {
  const content: Inline[] = [];
  const pushText = (text: string) => {
    if (typeof content[content.length - 1] === 'string') content[content.length - 1] += text;
    else content.push(text);
  };
  for (const node of nodes) {
    const name = nameOf(node);
    if (name === '#text') pushText(String(node['#text']));
    else if (name === 'cp') pushText(String.fromCharCode(parseInt(attr(node, 'hex') ?? '', 16)));
    else if (name === 'ph') content.push({ kind: 'ph', id: attr(node, 'id') ?? '', dataRef: attr(node, 'dataRef') ?? '' });
    else if (name === 'pc') {
      content.push({
        kind: 'pc',
        id: attr(node, 'id') ?? '',
        dataRefStart: attr(node, 'dataRefStart') ?? '',
        dataRefEnd: attr(node, 'dataRefEnd') ?? '',
        children: readInline(childrenOf(node), where),
      });
    } else throw new XliffError(`${where}: <${name}> is not allowed here (only text, <ph>, <pc> and <cp>).`);
  }
  return content;
}

function checkRefs(content: Inline[], data: Record<string, string>, where: string) {
  const visit = (parts: Inline[]) => {
    for (const part of parts) {
      if (typeof part === 'string') continue;
      const refs = part.kind === 'ph' ? [part.dataRef] : [part.dataRefStart, part.dataRefEnd];
      for (const ref of refs) if (!(ref in data)) throw new XliffError(`${where}: inline code ${part.id} refers to unknown original data "${ref}".`);
      if (part.kind === 'pc') visit(part.children);
    }
  };
  visit(content);
}

export function readXliff(xml: string): XliffFile {
  if (/<!DOCTYPE/i.test(xml)) throw new XliffError('The file has a DOCTYPE: XLIFF files have none, and it is refused for safety.');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new XliffError(`Not well-formed XML (line ${valid.err.line}, column ${valid.err.col}): ${valid.err.msg}`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    commentPropName: false,
    processEntities: true,
    htmlEntities: false,
  });
  const top = (parser.parse(xml) as Ordered[]).filter((n) => nameOf(n) !== '#text');
  const root = top[0];
  if (!root || nameOf(root) !== 'xliff') throw new XliffError('The root element is not <xliff>.');
  if (attr(root, 'xmlns') !== XLIFF_NS || attr(root, 'version') !== '2.0') {
    throw new XliffError(`Not XLIFF 2.0: the root needs xmlns="${XLIFF_NS}" and version="2.0".`);
  }
  const srcLang = attr(root, 'srcLang');
  const trgLang = attr(root, 'trgLang');
  if (!srcLang || !trgLang) throw new XliffError('The <xliff> element needs srcLang and trgLang.');

  const documents = elements(childrenOf(root), 'file').map((file): XliffDocument => {
    const original = attr(file, 'original') ?? '';
    const slash = original.lastIndexOf('/');
    const uid = original.slice(0, slash);
    const documentId = original.slice(slash + 1);
    if (slash <= 0 || !documentId) throw new XliffError(`<file id="${attr(file, 'id')}"> needs original="<content type>/<documentId>", got "${original}".`);
    const label = elements(childrenOf(file), 'notes').flatMap((n) => elements(childrenOf(n), 'note')).map((n) => readPlain(n))[0] ?? '';
    const units = elements(childrenOf(file), 'unit').map((unit) => readUnit(unit, uid, documentId));
    return { uid, documentId, label, units };
  });
  return { srcLang, trgLang, documents };
}

const readPlain = (node: Ordered) => restore(readInline(childrenOf(node), 'note'), {});

function readUnit(unit: Ordered, uid: string, documentId: string): XliffUnit {
  const id = attr(unit, 'id') ?? '';
  const prefix = `${uid}--${documentId}--`;
  if (!id.startsWith(prefix)) throw new XliffError(`Unit "${id}" does not belong to its file (${uid}/${documentId}).`);
  const field = id.slice(prefix.length);
  const where = `Unit ${id}`;
  const children = childrenOf(unit);
  const data: Record<string, string> = {};
  for (const block of elements(children, 'originalData')) {
    for (const item of elements(childrenOf(block), 'data')) data[attr(item, 'id') ?? ''] = readPlain(item);
  }
  const segments = elements(children, 'segment');
  if (segments.length !== 1) throw new XliffError(`${where}: expected one <segment>, found ${segments.length} (do not split or join segments).`);
  const segment = segments[0]!;
  const sourceNode = elements(childrenOf(segment), 'source')[0];
  if (!sourceNode) throw new XliffError(`${where}: the <segment> has no <source>.`);
  const source = readInline(childrenOf(sourceNode), `${where} <source>`);
  checkRefs(source, data, `${where} <source>`);
  const targetNode = elements(childrenOf(segment), 'target')[0];
  let target: string | null = null;
  if (targetNode) {
    const content = readInline(childrenOf(targetNode), `${where} <target>`);
    checkRefs(content, data, `${where} <target>`);
    const expected = codesOf(source).sort();
    const found = codesOf(content).sort();
    if (expected.join() !== found.join()) {
      throw new XliffError(
        `${where} <target>: the inline codes (${found.join(', ') || 'none'}) must be those of the source (${expected.join(', ') || 'none'}), each once: they stand for HTML that must stay intact.`,
      );
    }
    target = restore(content, data);
  }
  const state = (attr(segment, 'state') ?? 'initial') as SegmentState;
  if (!['initial', 'translated', 'reviewed', 'final'].includes(state)) throw new XliffError(`${where}: unknown segment state "${state}".`);
  return { field, source: restore(source, data), target, state };
}
