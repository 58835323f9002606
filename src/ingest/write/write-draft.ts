// Writes a Draft as graph/<slug>/ (source.yaml + draft.yaml) and graph/sources/<slug>.<lang>.txt: checked
// first (slug, ownership, validation), then written file by file, each atomically. Running it again adds only
// what is new and leaves every entry already there, with its review decision, as it is.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Document, isMap, isSeq, parseDocument, type YAMLSeq, type Node as YamlNode } from 'yaml';
import { isPartialDate } from '../../model/dates.js';
import { yearStated } from '../../model/inferred-check.js';
import { formatIssue, readKnowledgeBase } from '../../model/read.js';
import { squash } from '../../model/validate.js';
import { type Draft, type ExtractedText, IngestError } from '../types.js';
import { writeFileAtomic } from './atomic.js';
import { draftEntries, type Entry, newEntries, type Section, settleKnownEdges } from './draft-entries.js';
import { checkSlugIsOurs, DRAFT_FILE, resolveTarget, SOURCE_FILE, type Target } from './target.js';

export interface WriteResult {
  /** Absolute path of graph/<slug>/. */
  folder: string;
  /** Absolute paths of the draft's three files (source.yaml, draft.yaml, the source text), written or unchanged. */
  files: string[];
  /** Entries already in draft.yaml and left as they were. */
  kept: number;
  /** Entries this run added to draft.yaml. */
  added: number;
}

const SECTIONS: Section[] = ['nodes', 'edges', 'updates'];
const STRINGIFY = { lineWidth: 0 } as const;

export function writeDraft(
  draft: Draft,
  extracted: ExtractedText,
  opts: { graphDir: string; slug: string },
): WriteResult {
  const file = extracted.fileName;
  const target = resolveTarget(file, opts.graphDir, opts.slug, draft.source.language);
  checkSlugIsOurs(file, target, extracted.fileName, extracted.text);
  const sourceId = draft.source.id || `src-${target.slug}`;

  const sourcePath = join(target.folder, SOURCE_FILE);
  const draftPath = join(target.folder, DRAFT_FILE);
  // A source.yaml already there may hold a reviewer's corrections: it is kept.
  const sourceYaml = existsSync(sourcePath)
    ? readFileSync(sourcePath, 'utf8')
    : renderSource(draft, extracted, target, sourceId);

  const drafted = draftEntries(draft);
  const folderPrefix = `${resolve(target.folder)}/`;
  const known = new Map(
    readKnowledgeBase(target.graphDir)
      .kb.edges.filter((e) => !resolve(e.origin.file).startsWith(folderPrefix))
      .map((e) => [e.id, e.props as Record<string, unknown>]),
  );
  drafted.edges = settleKnownEdges(drafted.edges, known, target.slug);
  const previous = existsSync(draftPath) ? readFileSync(draftPath, 'utf8') : undefined;
  const doc = previous === undefined ? emptyDraftDoc(sourceId, file) : parseDocument(previous);
  if (previous !== undefined && doc.errors.length > 0) {
    throw new IngestError(
      file,
      `graph/${target.slug}/${DRAFT_FILE} cannot be read (${doc.errors[0]?.message.split('\n')[0]}); fix it first`,
    );
  }
  const existing = entriesOf(doc);
  const kept = SECTIONS.reduce((s, k) => s + existing[k].length, 0);
  const fresh = newEntries(drafted, existing);
  const added = SECTIONS.reduce((s, k) => s + fresh[k].length, 0);
  for (const section of SECTIONS) for (const e of fresh[section]) append(doc, section, e);
  const draftYaml = previous !== undefined && added === 0 ? previous : doc.toString(STRINGIFY);

  const files = new Map([
    [target.textRel, extracted.text],
    [`${target.slug}/${SOURCE_FILE}`, sourceYaml],
    [`${target.slug}/${DRAFT_FILE}`, draftYaml],
  ]);
  refuseIfInvalid(file, target, files);

  mkdirSync(join(target.graphDir, 'sources'), { recursive: true });
  mkdirSync(target.folder, { recursive: true });
  for (const [rel, text] of files) {
    const path = join(target.graphDir, rel);
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
    writeFileAtomic(path, text);
  }
  return {
    folder: target.folder,
    files: [...files.keys()].map((rel) => join(target.graphDir, rel)),
    kept,
    added,
  };
}

/** Validates graph/ as it would be; refuses when that adds any problem to those graph/ already has. */
function refuseIfInvalid(file: string, target: Target, files: Map<string, string>): void {
  const before = new Set(readKnowledgeBase(target.graphDir).issues.map(formatIssue));
  const after = readKnowledgeBase(target.graphDir, { overlay: files }).issues.map(formatIssue);
  const added = after.filter((i) => !before.has(i));
  if (added.length === 0) return;
  const shown = added.slice(0, 5).join('; ');
  throw new IngestError(
    file,
    `the draft would not validate, nothing was written (${added.length} problem(s)): ${shown}${added.length > 5 ? '; …' : ''}`,
  );
}

function renderSource(draft: Draft, extracted: ExtractedText, target: Target, sourceId: string): string {
  const s = draft.source;
  const title = s.title.trim() || extracted.metaTitle?.trim() || extracted.fileName;
  const pages = extracted.pages?.length ?? s.pages;
  const props: Record<string, string | number | boolean> = {
    file: target.textRel,
    language: s.language === 'zh' ? 'zh-Hant' : 'en',
    ...(isPartialDate(s.date) ? { date: s.date } : {}),
    ...(s.publisher ? { publisher: s.publisher } : {}),
    originalFile: extracted.fileName,
    format: extracted.format,
    ...(extracted.encoding ? { encoding: extracted.encoding } : {}),
    ...(pages ? { pages } : {}),
  };
  // The date is the one the draft read for the report's meeting: its sentence is the date's quote. A date the
  // text states nowhere the drafter could point to stays, marked as a reading for the reviewer.
  const dateProv =
    props.date === undefined
      ? []
      : draft.nodes
          .filter((n) => n.label === 'Meeting' && n.props.startDate === props.date)
          .flatMap((n) => n.prov)
          .filter((p) => yearStated(Number(String(props.date).slice(0, 4)), p.quote))
          .slice(0, 1)
          .map((p) => ({ section: p.section, quote: p.quote }));
  let dateNote: string | undefined;
  if (props.date !== undefined && dateProv.length === 0) {
    props.inferred = true;
    dateNote = `The date ${String(props.date)} is the drafter's reading of the report, not a quoted statement: check it.`;
  }
  const doc = new Document({
    source: sourceId,
    nodes: [
      {
        id: sourceId,
        label: 'Source',
        name: title,
        props,
        prov: [{ section: 'title', quote: quotableTitle(title, extracted.text) }, ...dateProv],
        ...(dateNote ? { note: dateNote } : {}),
      },
    ],
  });
  doc.commentBefore = ` The report ${extracted.fileName}, read by npm run ingest; its text is graph/${target.textRel}.`;
  flowStyle(doc.get('nodes', true));
  return doc.toString(STRINGIFY);
}

/** The title when the text states it, else the text's first line: a Source's quote must occur in its text. */
function quotableTitle(title: string, text: string): string {
  if (squash(title).length >= 2 && squash(text).includes(squash(title))) return title;
  const line = text.split('\n').find((l) => l.trim().length >= 2) ?? text;
  return line.trim().slice(0, 120);
}

function emptyDraftDoc(sourceId: string, fileName: string): Document {
  const doc = new Document({ source: sourceId, nodes: [], edges: [], updates: [] });
  doc.commentBefore =
    ` Drafted by npm run ingest from ${fileName}. Every entry is review: pending until a person accepts,\n` +
    ' rejects or merges it (graph/FORMAT.md, "Drafted entries and review"). Decisions are kept when the\n' +
    ' report is ingested again.';
  return doc;
}

function entriesOf(doc: Document): Record<Section, Entry[]> {
  const out: Record<Section, Entry[]> = { nodes: [], edges: [], updates: [] };
  for (const section of SECTIONS) {
    const seq = doc.get(section, true);
    if (!isSeq(seq)) continue;
    for (const item of seq.items) if (isMap(item)) out[section].push(item.toJSON() as Entry);
  }
  return out;
}

function append(doc: Document, section: Section, entry: Entry): void {
  let seq = doc.get(section, true);
  if (!isSeq(seq)) {
    seq = doc.createNode([]);
    doc.set(section, seq);
  }
  const node = doc.createNode(entry) as YamlNode;
  flowStyle(node);
  (seq as YAMLSeq).items.push(node);
}

/** Block style for entries, flow style for their small parts: `props: { … }`, `- { section: …, quote: … }`. */
function flowStyle(node: unknown): void {
  const entries = isSeq(node) ? node.items : [node];
  for (const entry of entries) {
    if (!isMap(entry)) continue;
    for (const key of ['props', 'aliases']) {
      const v = entry.get(key, true);
      if (isMap(v) || isSeq(v)) v.flow = true;
    }
    for (const key of ['prov', 'candidates']) {
      const v = entry.get(key, true);
      if (isSeq(v)) for (const item of v.items) if (isMap(item)) item.flow = true;
    }
  }
}
