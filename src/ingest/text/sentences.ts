// Sentences of the stored text, the unit a quote is taken from. A sentence ends at 。！？, at an English full
// stop followed by a capital, at the start of a numbered section, at a bullet line, or at a blank line after a
// short line (a heading or a table row). Reports wrap lines mid-sentence, so plain line ends do not count.
import type { Section } from '../types.js';

export interface Sentence {
  start: number;
  end: number;
}

export function splitSentences(text: string, sections: Section[]): Sentence[] {
  const cuts = new Set<number>([0, text.length]);
  for (const s of sections) cuts.add(s.start);
  for (const m of text.matchAll(/[。！？!?]+[」』）)]?/gu)) cuts.add((m.index ?? 0) + m[0].length);
  for (const m of text.matchAll(/[.;](?=\s+[A-Z(“"])/gu)) {
    const before = text.slice(Math.max(0, (m.index ?? 0) - 4), m.index ?? 0);
    if (/\b(Mr|Ms|Mrs|Dr|No|St|Prof|H\.E|e\.g|i\.e|vs)$/u.test(before)) continue;
    if (m[0] === ';') continue;
    cuts.add((m.index ?? 0) + 1);
  }
  let pos = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1];
    if (/^\s*[-•‧·▪*]\s+/u.test(line)) cuts.add(pos);
    if (
      line.trim() !== '' &&
      (line.trim().length < 60 || /[。.:：;；)）」]$/u.test(line.trim()) || line.includes('\t'))
    ) {
      // "…（Privacy and" + blank line + "Other Legislation…" is one sentence broken by the page layout.
      const following = lines.slice(i + 1).find((l) => l.trim() !== '') ?? '';
      const midSentence =
        /[a-z,]$/u.test(line.trim()) && /^\s*[A-Za-z(]/u.test(following) && !line.includes('\t');
      if (next !== undefined && next.trim() === '' && !midSentence) cuts.add(pos + line.length);
      if (line.includes('\t')) {
        cuts.add(pos);
        cuts.add(pos + line.length);
      }
    }
    pos += line.length + 1;
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Sentence[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    let start = sorted[i] as number;
    let end = sorted[i + 1] as number;
    while (start < end && /\s/u.test(text[start] ?? '')) start++;
    while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** Clauses of a sentence: split at ，；, and at English ", while" / ", with" / ", whereas". */
export function splitClauses(text: string, s: Sentence): Sentence[] {
  const out: Sentence[] = [];
  let start = s.start;
  const body = text.slice(s.start, s.end);
  for (const m of body.matchAll(
    /[，；;]|,\s+(?=(?:while|with|whereas|and\s+[A-Z][a-z]+\s+(?:participated|joined|attended))\b)/gu,
  )) {
    // Semicolons separate economies in English lists ("Hong Kong, China; Japan"): only ；/，split there.
    if (m[0] === ';' && !/[\u3400-\u9fff]/u.test(body)) continue;
    const at = s.start + (m.index ?? 0);
    if (at > start) out.push({ start, end: at });
    start = at + m[0].length;
  }
  if (s.end > start) out.push({ start, end: s.end });
  return out;
}
