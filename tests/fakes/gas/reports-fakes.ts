/**
 * Recording fakes of the Slides and Docs advanced services. They record
 * every call (in a GasCore's CallLog when given one, so cost assertions sit
 * beside the spreadsheet's), and they APPLY the requests to a small model of
 * the file, refusing what the real API refuses (unknown or duplicate object
 * ids, text ranges out of bounds, a cell outside its table, text inserted
 * outside a paragraph…), so tests can read the result back: texts of each
 * slide, paragraphs and table cells of each document.
 *
 * The Docs model follows the Docs index rules: index 0 is the section break,
 * a paragraph's text ends with `\n`; a table takes one index for its start,
 * one per row, one per cell (whose paragraph follows), one for its end, and
 * `insertTable` inserts a newline before the table.
 *
 *   const slides = new FakeSlidesService(env.core); const docs = new FakeDocsService(env.core);
 *   createGasEnvironment({ extraGlobals: { Slides: slides, Docs: docs } })
 */
import { CallLog } from './calls';
import type { GasCore } from './core';

type Req = Record<string, any>;

const ID_PATTERN = /^[a-zA-Z0-9_][a-zA-Z0-9_\-:]{4,49}$/;

/**
 * What Slides and Docs drop from inserted text: "Some control characters (U+0000-U+0008,
 * U+000C-U+001F) and characters from the Unicode Basic Multilingual Plane Private Use Area
 * (U+E000-U+F8FF) will be stripped out of the inserted text"
 * (https://developers.google.com/slides/api/reference/rest/v1/presentations/request#inserttextrequest,
 * https://developers.google.com/docs/api/reference/rest/v1/documents/request#inserttextrequest).
 * The fakes strip them too, so a request whose indices were computed on the unfiltered text
 * lands where it would in Google (or out of range, refused).
 */
export const GOOGLE_STRIPPED = /[\u0000-\u0008\u000c-\u001f\ue000-\uf8ff]/g;

export function googleFiltered(text: string): string {
  return text.replace(GOOGLE_STRIPPED, '');
}

function fail(message: string): never {
  throw new Error(`Invalid requests: ${message}`);
}

class Recorder {
  readonly calls: CallLog;
  constructor(private readonly core?: GasCore) {
    this.calls = core?.calls ?? new CallLog();
  }
  record(service: string, method: string, detail?: string): void {
    if (this.core) this.core.record(service, method, { detail });
    else this.calls.record({ service, method, detail });
  }
}

// ---------------------------------------------------------------------------
// Slides

export interface FakeSlideElement {
  readonly objectId: string;
  readonly kind: 'shape' | 'table' | 'line';
  readonly shapeType?: string;
  readonly size: { w: number; h: number };
  readonly at: { x: number; y: number };
  text: string;
  /** Table cells' texts, [row][column]. */
  cells?: string[][];
  fills: Map<string, unknown>;
  styles: Req[];
}

export interface FakeSlide {
  readonly objectId: string;
  readonly elements: FakeSlideElement[];
  notesShapeId: string;
  notes: string;
}

export interface FakePresentation {
  readonly presentationId: string;
  title: string;
  readonly pageSize: unknown;
  readonly slides: FakeSlide[];
  /** Requests of each batchUpdate, in order. */
  readonly batches: Req[][];
}

const magnitude = (v: any): number => (v && typeof v.magnitude === 'number' ? v.magnitude : 0);

export class FakeSlidesService {
  private readonly rec: Recorder;
  readonly presentations = new Map<string, FakePresentation>();
  private next = 1;
  readonly Presentations: {
    create: (resource: Req) => Req;
    batchUpdate: (resource: { requests: Req[] }, id: string) => Req;
    get: (id: string, args?: Req) => Req;
  };

  constructor(core?: GasCore) {
    this.rec = new Recorder(core);
    this.Presentations = {
      create: (resource) => this.create(resource),
      batchUpdate: (resource, id) => this.batchUpdate(resource, id),
      get: (id, args) => this.get(id, args),
    };
  }

  get calls(): CallLog {
    return this.rec.calls;
  }

  private create(resource: Req): Req {
    this.rec.record('Slides.Presentations', 'create', String(resource?.title ?? ''));
    const presentationId = `pres${this.next++}`;
    const first: FakeSlide = { objectId: 'p', elements: [], notesShapeId: 'p:notes', notes: '' };
    this.presentations.set(presentationId, { presentationId, title: String(resource?.title ?? ''), pageSize: resource?.pageSize, slides: [first], batches: [] });
    return { presentationId, slides: [{ objectId: 'p' }] };
  }

  private get(id: string, args?: Req): Req {
    this.rec.record('Slides.Presentations', 'get', String(args?.fields ?? ''));
    const p = this.presentation(id);
    return {
      presentationId: id,
      slides: p.slides.map((s) => ({ objectId: s.objectId, slideProperties: { notesPage: { notesProperties: { speakerNotesObjectId: s.notesShapeId } } } })),
    };
  }

  presentation(id: string): FakePresentation {
    const p = this.presentations.get(id);
    if (!p) throw new Error(`Requested entity was not found: ${id}`);
    return p;
  }

  /** The only presentation created (tests create one at a time). */
  last(): FakePresentation {
    const all = [...this.presentations.values()];
    if (!all.length) throw new Error('No presentation created');
    return all[all.length - 1];
  }

  private batchUpdate(resource: { requests: Req[] }, id: string): Req {
    this.rec.record('Slides.Presentations', 'batchUpdate', `${resource.requests.length} requests`);
    const p = this.presentation(id);
    if (!Array.isArray(resource.requests) || resource.requests.length === 0) fail('no requests');
    // All or nothing, as the API: apply on a copy.
    const slides: FakeSlide[] = p.slides.map((s) => ({ ...s, elements: s.elements.map((e): FakeSlideElement => ({ ...e, cells: e.cells?.map((r) => [...r]), fills: new Map(e.fills), styles: [...e.styles] })) }));
    const ids = new Set<string>();
    for (const s of slides) {
      ids.add(s.objectId);
      ids.add(s.notesShapeId);
      for (const e of s.elements) ids.add(e.objectId);
    }
    const find = (objectId: string): { el?: FakeSlideElement; slide?: FakeSlide; notes?: FakeSlide } => {
      for (const s of slides) {
        if (s.objectId === objectId) return { slide: s };
        if (s.notesShapeId === objectId) return { notes: s };
        const el = s.elements.find((e) => e.objectId === objectId);
        if (el) return { el, slide: s };
      }
      fail(`object ${objectId} not found`);
    };
    const newId = (objectId: string) => {
      if (typeof objectId !== 'string' || !ID_PATTERN.test(objectId)) fail(`invalid object id ${objectId}`);
      if (ids.has(objectId)) fail(`duplicate object id ${objectId}`);
      ids.add(objectId);
    };
    const newElement = (r: Req, kind: FakeSlideElement['kind'], extra: Partial<FakeSlideElement> = {}) => {
      newId(r.objectId);
      const ep = r.elementProperties;
      const page = slides.find((s) => s.objectId === ep?.pageObjectId);
      if (!page) fail(`page ${ep?.pageObjectId} not found`);
      const el: FakeSlideElement = {
        objectId: r.objectId,
        kind,
        size: { w: magnitude(ep.size?.width), h: magnitude(ep.size?.height) },
        at: { x: ep.transform?.translateX ?? 0, y: ep.transform?.translateY ?? 0 },
        text: '',
        fills: new Map(),
        styles: [],
        ...extra,
      };
      page.elements.push(el);
      return el;
    };
    const textOf = (r: Req): { get: () => string; set: (t: string) => void } => {
      const { el, notes } = find(r.objectId);
      if (notes) return { get: () => notes.notes, set: (t) => (notes.notes = t) };
      if (!el) fail(`${r.objectId} is not a page element`);
      if (r.cellLocation) {
        if (el.kind !== 'table' || !el.cells) fail(`${r.objectId} is not a table`);
        const { rowIndex, columnIndex } = r.cellLocation;
        if (!(rowIndex >= 0 && rowIndex < el.cells.length && columnIndex >= 0 && columnIndex < el.cells[0].length)) fail(`cell ${rowIndex},${columnIndex} outside the table ${r.objectId}`);
        return { get: () => el.cells![rowIndex][columnIndex], set: (t) => (el.cells![rowIndex][columnIndex] = t) };
      }
      if (el.kind === 'table') fail(`text of table ${r.objectId} needs a cellLocation`);
      if (el.kind === 'line') fail(`a line has no text`);
      return { get: () => el.text, set: (t) => (el.text = t) };
    };
    const checkRange = (r: Req, text: string) => {
      const range = r.textRange;
      if (!range || range.type === 'ALL') {
        if (text.length === 0) fail(`text range of empty text in ${r.objectId}`);
        return;
      }
      if (range.type !== 'FIXED_RANGE') fail(`unsupported range type ${range.type}`);
      if (!(range.startIndex >= 0 && range.endIndex <= text.length && range.startIndex < range.endIndex)) {
        fail(`range ${range.startIndex}-${range.endIndex} outside the text (${text.length}) of ${r.objectId}`);
      }
    };
    const checkTableRange = (r: Req, el: FakeSlideElement | undefined) => {
      if (!el || el.kind !== 'table' || !el.cells) fail(`${r.objectId} is not a table`);
      const t = r.tableRange;
      const rows = el.cells.length;
      const cols = el.cells[0].length;
      if (!(t.location.rowIndex >= 0 && t.location.columnIndex >= 0 && t.location.rowIndex + t.rowSpan <= rows && t.location.columnIndex + t.columnSpan <= cols)) fail('table range outside the table');
      return el;
    };

    for (const r of resource.requests) {
      const [type, ...more] = Object.keys(r);
      if (more.length) fail('one request type per request');
      const body = r[type];
      switch (type) {
        case 'createSlide': {
          newId(body.objectId);
          const at = body.insertionIndex ?? slides.length;
          slides.splice(at, 0, { objectId: body.objectId, elements: [], notesShapeId: `${body.objectId}:notes`, notes: '' });
          ids.add(`${body.objectId}:notes`);
          break;
        }
        case 'createShape':
          newElement(body, 'shape', { shapeType: body.shapeType });
          break;
        case 'createLine': {
          // A line needs an extent: Slides refuses one of zero width and height (a point).
          const size = body.elementProperties?.size;
          if (magnitude(size?.width) === 0 && magnitude(size?.height) === 0) fail(`line ${body.objectId} of zero width and height`);
          newElement(body, 'line');
          break;
        }
        case 'createTable': {
          if (!(body.rows >= 1 && body.columns >= 1)) fail('table without rows or columns');
          newElement(body, 'table', { cells: Array.from({ length: body.rows }, () => Array.from({ length: body.columns }, () => '')) });
          break;
        }
        case 'updateShapeProperties': {
          const { el } = find(body.objectId);
          if (!el || el.kind !== 'shape') fail(`${body.objectId} is not a shape`);
          if (!body.fields) fail('fields required');
          el.fills.set('shape', body.shapeProperties);
          break;
        }
        case 'updateLineProperties': {
          const { el } = find(body.objectId);
          if (!el || el.kind !== 'line') fail(`${body.objectId} is not a line`);
          break;
        }
        case 'insertText': {
          const t = textOf(body);
          const cur = t.get();
          if (typeof body.text !== 'string' || body.text.length === 0) fail('insertText needs a text');
          const at = body.insertionIndex ?? 0;
          if (at < 0 || at > cur.length) fail(`insertion index ${at} outside the text`);
          t.set(cur.slice(0, at) + googleFiltered(body.text) + cur.slice(at));
          break;
        }
        case 'updateTextStyle':
        case 'updateParagraphStyle':
        case 'createParagraphBullets': {
          const t = textOf(body);
          checkRange(body, t.get());
          if (type !== 'createParagraphBullets' && !body.fields) fail('fields required');
          const { el } = find(body.objectId);
          el?.styles.push({ type, ...body });
          break;
        }
        case 'updateTableCellProperties': {
          const el = checkTableRange(body, find(body.objectId).el);
          el.fills.set(`${body.tableRange.location.rowIndex},${body.tableRange.location.columnIndex}`, body.tableCellProperties);
          break;
        }
        case 'updateTableBorderProperties':
          checkTableRange(body, find(body.objectId).el);
          break;
        case 'updateTableColumnProperties': {
          const { el } = find(body.objectId);
          if (!el || el.kind !== 'table' || !el.cells) fail(`${body.objectId} is not a table`);
          for (const c of body.columnIndices) if (c < 0 || c >= el.cells[0].length) fail(`column ${c} outside the table`);
          if (magnitude(body.tableColumnProperties?.columnWidth) < 32) fail('column width below 32 pt');
          break;
        }
        case 'deleteObject': {
          const i = slides.findIndex((s) => s.objectId === body.objectId);
          if (i >= 0) slides.splice(i, 1);
          else {
            const { slide, el } = find(body.objectId);
            if (slide && el) slide.elements.splice(slide.elements.indexOf(el), 1);
          }
          ids.delete(body.objectId);
          break;
        }
        default:
          fail(`unknown request ${type}`);
      }
    }
    p.slides.splice(0, p.slides.length, ...slides);
    p.batches.push(resource.requests);
    return { presentationId: id, replies: resource.requests.map(() => ({})) };
  }
}

/** Every text of a slide: shapes, then table cells, in creation order. */
export function slideTexts(slide: FakeSlide): string[] {
  const out: string[] = [];
  for (const e of slide.elements) {
    if (e.text) out.push(e.text);
    for (const row of e.cells ?? []) for (const c of row) if (c) out.push(c);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Docs

interface TextStyle {
  bold?: boolean;
  italic?: boolean;
  /** A URL, or `#heading=<id>` for a link to a heading of the document. */
  link?: string;
  fontSize?: number;
  foregroundColor?: unknown;
}

interface ParaProps {
  namedStyleType: string;
  bullet: string | null;
}

type Token =
  | { kind: 'section' }
  | { kind: 'char'; ch: string; style: TextStyle; para?: ParaProps }
  | { kind: 'tableStart'; columns: number[]; pinned: number }
  | { kind: 'rowStart' }
  | { kind: 'cellStart'; fill: unknown }
  | { kind: 'tableEnd' };

export interface FakeDocParagraph {
  readonly type: 'paragraph';
  readonly text: string;
  readonly style: string;
  readonly bullet: string | null;
  readonly runs: ReadonlyArray<{ text: string } & TextStyle>;
}

export interface FakeDocTable {
  readonly type: 'table';
  /** Cell texts (paragraphs joined with `\n`, without the final newline). */
  readonly cells: string[][];
  readonly fills: unknown[][];
  readonly runs: ReadonlyArray<ReadonlyArray<ReadonlyArray<{ text: string } & TextStyle>>>;
}

export interface FakeDocument {
  readonly documentId: string;
  readonly title: string;
  tokens: Token[];
  readonly batches: Req[][];
  documentStyle?: Req;
  /** Footers by id: type and text (ending with its paragraph's newline, as a new footer's segment). */
  footers?: Map<string, { type: string; text: string; alignment?: string }>;
}

const newline = (para: ParaProps): Token => ({ kind: 'char', ch: '\n', style: {}, para: { ...para } });

export class FakeDocsService {
  private readonly rec: Recorder;
  readonly documents = new Map<string, FakeDocument>();
  private next = 1;
  readonly Documents: {
    create: (resource: Req) => Req;
    batchUpdate: (resource: { requests: Req[] }, id: string) => Req;
    get: (id: string) => Req;
  };

  constructor(core?: GasCore) {
    this.rec = new Recorder(core);
    this.Documents = {
      create: (resource) => this.create(resource),
      batchUpdate: (resource, id) => this.batchUpdate(resource, id),
      get: (id) => this.get(id),
    };
  }

  get calls(): CallLog {
    return this.rec.calls;
  }

  private create(resource: Req): Req {
    this.rec.record('Docs.Documents', 'create', String(resource?.title ?? ''));
    const documentId = `doc${this.next++}`;
    this.documents.set(documentId, {
      documentId,
      title: String(resource?.title ?? ''),
      tokens: [{ kind: 'section' }, newline({ namedStyleType: 'NORMAL_TEXT', bullet: null })],
      batches: [],
    });
    return { documentId, title: resource?.title };
  }

  document(id: string): FakeDocument {
    const d = this.documents.get(id);
    if (!d) throw new Error(`Requested entity was not found: ${id}`);
    return d;
  }

  last(): FakeDocument {
    const all = [...this.documents.values()];
    if (!all.length) throw new Error('No document created');
    return all[all.length - 1];
  }

  private batchUpdate(resource: { requests: Req[] }, id: string): Req {
    this.rec.record('Docs.Documents', 'batchUpdate', `${resource.requests.length} requests`);
    const doc = this.document(id);
    if (!Array.isArray(resource.requests) || resource.requests.length === 0) fail('no requests');
    const tokens = doc.tokens.map((t) => (t.kind === 'char' ? { ...t, style: { ...t.style }, para: t.para ? { ...t.para } : undefined } : { ...t })) as Token[];

    const charAt = (index: number, what: string) => {
      if (!(Number.isInteger(index) && index >= 1 && index < tokens.length)) fail(`${what}: index ${index} outside the document (1–${tokens.length - 1})`);
      const t = tokens[index];
      if (t.kind !== 'char') fail(`${what}: index ${index} is not inside a paragraph (${t.kind})`);
      return t;
    };
    /** The newline ending the paragraph that holds `index`. */
    const paragraphEnd = (index: number): number => {
      for (let i = index; i < tokens.length; i++) {
        const t = tokens[i];
        if (t.kind !== 'char') fail(`paragraph at ${index} has no end`);
        if (t.ch === '\n') return i;
      }
      fail(`paragraph at ${index} has no end`);
    };
    const checkRange = (range: Req, what: string) => {
      if (!range || !(range.startIndex >= 1 && range.endIndex <= tokens.length - 1 + 1 && range.startIndex < range.endIndex)) {
        fail(`${what}: bad range ${range?.startIndex}-${range?.endIndex} (document ends at ${tokens.length})`);
      }
    };
    /** Newline tokens of the paragraphs overlapping [start, end). */
    const paragraphsIn = (start: number, end: number): Array<Extract<Token, { kind: 'char' }>> => {
      const out: Array<Extract<Token, { kind: 'char' }>> = [];
      for (let i = start; i < tokens.length; i++) {
        const t = tokens[i];
        if (t.kind === 'char' && t.ch === '\n') {
          out.push(t);
          if (i >= end - 1) break;
        } else if (t.kind !== 'char' && i >= end) break;
      }
      return out;
    };
    const tableAt = (index: number, what: string) => {
      const t = tokens[index];
      if (!t || t.kind !== 'tableStart') fail(`${what}: no table starts at ${index}`);
      // Dimensions: walk the structure.
      let rows = 0;
      let cols = 0;
      let cur = 0;
      const cellStarts: number[][] = [];
      for (let i = index + 1; i < tokens.length; i++) {
        const k = tokens[i];
        if (k.kind === 'tableEnd') break;
        if (k.kind === 'rowStart') {
          rows++;
          cur = 0;
          cellStarts.push([]);
        }
        if (k.kind === 'cellStart') {
          cur++;
          cols = Math.max(cols, cur);
          cellStarts[rows - 1].push(i);
        }
      }
      return { table: t, rows, cols, cellStarts };
    };

    const footers = new Map(doc.footers ?? []);
    const replies: Req[] = [];
    /** Requests aimed at a footer's segment (`segmentId`): its own indexes, from 0. */
    const inFooter = (type: string, b: Req): boolean => {
      const segmentId = b.location?.segmentId ?? b.range?.segmentId;
      if (segmentId === undefined) return false;
      const f = footers.get(segmentId);
      if (!f) fail(`${type}: no segment ${segmentId}`);
      if (type === 'insertText') {
        const i = b.location.index;
        if (!(Number.isInteger(i) && i >= 0 && i < f.text.length)) fail(`insertText: index ${i} outside the segment`);
        footers.set(segmentId, { ...f, text: f.text.slice(0, i) + b.text + f.text.slice(i) });
      } else if (type === 'updateTextStyle' || type === 'updateParagraphStyle') {
        if (!b.fields) fail('fields required');
        if (!(b.range.startIndex >= 0 && b.range.endIndex <= f.text.length && b.range.startIndex < b.range.endIndex)) fail(`${type}: bad range in segment`);
        if (type === 'updateParagraphStyle' && b.paragraphStyle?.alignment) footers.set(segmentId, { ...f, alignment: b.paragraphStyle.alignment });
      } else fail(`${type} is not supported in a footer here`);
      return true;
    };

    for (const r of resource.requests) {
      const [type, ...more] = Object.keys(r);
      if (more.length) fail('one request type per request');
      const b = r[type];
      replies.push({});
      if (inFooter(type, b)) continue;
      switch (type) {
        case 'createFooter': {
          // Docs refuses a second footer of the same type for the section.
          if (!['DEFAULT'].includes(b.type)) fail(`createFooter: type ${b.type}`);
          if ([...footers.values()].some((f) => f.type === b.type)) fail('createFooter: a footer of this type already exists');
          const footerId = `kix.footer${footers.size + 1}`;
          footers.set(footerId, { type: b.type, text: '\n' });
          replies[replies.length - 1] = { createFooter: { footerId } };
          break;
        }
        case 'insertPageBreak': {
          // A page break then a newline, inside a body paragraph (not in a table: Docs refuses it there).
          const index = b.location?.index;
          charAt(index, 'insertPageBreak');
          for (let k = index; k >= 1; k--) {
            const t = tokens[k];
            if (t.kind === 'cellStart') fail('insertPageBreak: not allowed inside a table');
            if (t.kind === 'tableEnd' || t.kind === 'section') break;
          }
          const para = (tokens[paragraphEnd(index)] as Extract<Token, { kind: 'char' }>).para!;
          tokens.splice(index, 0, { kind: 'char', ch: '\f', style: {} }, { kind: 'char', ch: '\n', style: {}, para: { ...para } });
          break;
        }
        case 'updateDocumentStyle':
          if (!b.fields) fail('fields required');
          doc.documentStyle = b.documentStyle;
          break;
        case 'insertText': {
          const index = b.location?.index;
          const at = charAt(index, 'insertText');
          if (typeof b.text !== 'string' || b.text.length === 0) fail('insertText needs a text');
          const prev = tokens[index - 1];
          const inherit: TextStyle = prev && prev.kind === 'char' && prev.ch !== '\n' ? { ...prev.style } : { ...at.style };
          const para = (tokens[paragraphEnd(index)] as Extract<Token, { kind: 'char' }>).para!;
          const ins: Token[] = [...googleFiltered(b.text)].flatMap((ch: string) =>
            // Docs counts UTF-16 code units; astral characters take two indexes.
            ch.length === 2
              ? [{ kind: 'char', ch: ch[0], style: { ...inherit } } as Token, { kind: 'char', ch: ch[1], style: { ...inherit } } as Token]
              : [ch === '\n' ? { kind: 'char', ch, style: { ...inherit }, para: { ...para } } : ({ kind: 'char', ch, style: { ...inherit } } as Token)],
          );
          tokens.splice(index, 0, ...ins);
          break;
        }
        case 'insertTable': {
          const index = b.location?.index;
          charAt(index, 'insertTable');
          if (!(b.rows >= 1 && b.columns >= 1)) fail('table without rows or columns');
          const para = (tokens[paragraphEnd(index)] as Extract<Token, { kind: 'char' }>).para!;
          const ins: Token[] = [newline(para), { kind: 'tableStart', columns: [], pinned: 0 }];
          for (let i = 0; i < b.rows; i++) {
            ins.push({ kind: 'rowStart' });
            for (let j = 0; j < b.columns; j++) ins.push({ kind: 'cellStart', fill: null }, newline({ namedStyleType: 'NORMAL_TEXT', bullet: null }));
          }
          ins.push({ kind: 'tableEnd' });
          tokens.splice(index, 0, ...ins);
          break;
        }
        case 'updateParagraphStyle': {
          checkRange(b.range, type);
          if (!b.fields) fail('fields required');
          for (const nl of paragraphsIn(b.range.startIndex, b.range.endIndex)) {
            if (b.paragraphStyle?.namedStyleType) nl.para!.namedStyleType = b.paragraphStyle.namedStyleType;
          }
          break;
        }
        case 'createParagraphBullets':
        case 'deleteParagraphBullets': {
          checkRange(b.range, type);
          for (const nl of paragraphsIn(b.range.startIndex, b.range.endIndex)) nl.para!.bullet = type === 'createParagraphBullets' ? b.bulletPreset : null;
          break;
        }
        case 'updateTextStyle': {
          checkRange(b.range, type);
          if (!b.fields) fail('fields required');
          const fields = String(b.fields).split(',');
          for (let i = b.range.startIndex; i < b.range.endIndex; i++) {
            const t = tokens[i];
            if (t.kind !== 'char') continue;
            for (const f of fields) {
              const v = b.textStyle?.[f];
              if (f === 'link') {
                if (v?.url) t.style.link = v.url;
                else if (v?.headingId) t.style.link = `#heading=${v.headingId}`;
                else delete t.style.link;
              } else if (f === 'fontSize') {
                if (v) t.style.fontSize = v.magnitude;
                else delete t.style.fontSize;
              } else if (v === undefined) delete (t.style as Record<string, unknown>)[f];
              else (t.style as Record<string, unknown>)[f] = v;
            }
          }
          break;
        }
        case 'updateTableColumnProperties': {
          const { table, cols } = tableAt(b.tableStartLocation?.index, type);
          for (const c of b.columnIndices) if (c < 0 || c >= cols) fail(`column ${c} outside the table`);
          if (magnitude(b.tableColumnProperties?.width) < 5) fail('column width below 5 pt');
          for (const c of b.columnIndices) table.columns[c] = magnitude(b.tableColumnProperties.width);
          break;
        }
        case 'pinTableHeaderRows': {
          const { table, rows } = tableAt(b.tableStartLocation?.index, type);
          if (b.pinnedHeaderRowsCount > rows) fail('more pinned rows than rows');
          table.pinned = b.pinnedHeaderRowsCount;
          break;
        }
        case 'updateTableCellStyle': {
          const loc = b.tableRange?.tableCellLocation;
          const { rows, cols, cellStarts } = tableAt(loc?.tableStartLocation?.index, type);
          if (!(loc.rowIndex >= 0 && loc.rowIndex < rows && loc.columnIndex >= 0 && loc.columnIndex < cols)) fail('cell outside the table');
          (tokens[cellStarts[loc.rowIndex][loc.columnIndex]] as Extract<Token, { kind: 'cellStart' }>).fill = b.tableCellStyle?.backgroundColor;
          break;
        }
        default:
          fail(`unknown request ${type}`);
      }
    }
    doc.tokens = tokens;
    doc.footers = footers;
    doc.batches.push(resource.requests);
    return { documentId: id, replies };
  }

  /** documents.get: the body's paragraphs with their named style, headings with their id (`h.<n>`, in order). */
  private get(id: string): Req {
    this.rec.record('Docs.Documents', 'get', id);
    const doc = this.document(id);
    let n = 0;
    const content = documentBody(doc).map((e) =>
      e.type === 'paragraph'
        ? { paragraph: { paragraphStyle: { namedStyleType: e.style, ...(/^HEADING_/.test(e.style) ? { headingId: `h.${++n}` } : {}) }, elements: [{ textRun: { content: `${e.text}\n` } }] } }
        : { table: { rows: e.cells.length } },
    );
    return { documentId: id, title: doc.title, body: { content } };
  }
}

/** The body of a fake document: paragraphs and tables, in order. */
export function documentBody(doc: FakeDocument): Array<FakeDocParagraph | FakeDocTable> {
  const out: Array<FakeDocParagraph | FakeDocTable> = [];
  const t = doc.tokens;
  let i = 1;
  const readParagraph = (): { text: string; para: ParaProps; runs: Array<{ text: string } & TextStyle> } => {
    let text = '';
    const runs: Array<{ text: string } & TextStyle> = [];
    while (i < t.length) {
      const k = t[i++];
      if (k.kind !== 'char') throw new Error('broken paragraph');
      if (k.ch === '\n') return { text, para: k.para!, runs };
      text += k.ch;
      const last = runs[runs.length - 1];
      const same = last && JSON.stringify({ ...last, text: '' }) === JSON.stringify({ ...k.style, text: '' });
      if (same) last.text += k.ch;
      else runs.push({ ...k.style, text: k.ch });
    }
    throw new Error('paragraph without newline');
  };
  while (i < t.length) {
    const k = t[i];
    if (k.kind === 'tableStart') {
      i++;
      const cells: string[][] = [];
      const fills: unknown[][] = [];
      const runs: Array<Array<Array<{ text: string } & TextStyle>>> = [];
      while (t[i].kind !== 'tableEnd') {
        if (t[i].kind === 'rowStart') {
          cells.push([]);
          fills.push([]);
          runs.push([]);
          i++;
          continue;
        }
        const cellTok = t[i] as Extract<Token, { kind: 'cellStart' }>;
        i++;
        const paras: string[] = [];
        const cellRuns: Array<{ text: string } & TextStyle> = [];
        while (t[i].kind === 'char') {
          const p = readParagraph();
          paras.push(p.text);
          cellRuns.push(...p.runs);
        }
        cells[cells.length - 1].push(paras.join('\n'));
        fills[fills.length - 1].push(cellTok.fill);
        runs[runs.length - 1].push(cellRuns);
      }
      i++;
      out.push({ type: 'table', cells, fills, runs });
      continue;
    }
    const p = readParagraph();
    out.push({ type: 'paragraph', text: p.text, style: p.para.namedStyleType, bullet: p.para.bullet, runs: p.runs });
  }
  return out;
}
