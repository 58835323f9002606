// A small hand-made draft whose quotes occur in its text, and a throw-away copy of graph/ to write it into.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Draft, ExtractedText } from '../../src/ingest/types.js';
import { DEFAULT_GRAPH_DIR } from '../../src/model/read.js';

export const TEXT = [
  'Report on the 51st DPS meeting',
  '1. Attendance',
  'The meeting was held in Lima on 10 October 2025. Republic of Korea participated virtually.',
  '2. Projects',
  'Project DESG 03 2024S has been completed.',
  'The new workshop on privacy-enhancing technologies was proposed by Chile.',
].join('\n');

export function extracted(fileName = 'dps-51.txt', text = TEXT): ExtractedText {
  return { text, format: 'txt', encoding: 'utf-8', fileName };
}

export function draft(): Draft {
  return {
    source: {
      id: 'src-dps-51',
      file: 'sources/dps-51.en.txt',
      language: 'en',
      title: 'Report on the 51st DPS meeting',
      date: '2025-10-10',
      publisher: 'Test',
    },
    sections: [
      { label: '1', title: 'Attendance' },
      { label: '2', title: 'Projects' },
    ],
    nodes: [
      {
        id: 'mtg-dps-51',
        label: 'Meeting',
        name: '51st DPS meeting',
        props: { startDate: '2025-10-10', location: 'Lima' },
        prov: [{ section: '1', quote: 'The meeting was held in Lima on 10 October 2025.' }],
        status: 'new',
        confidence: 0.9,
        rule: 'meeting-header',
      },
      {
        id: 'KOR',
        label: 'Economy',
        name: 'Republic of Korea',
        props: {},
        prov: [{ section: '1', quote: 'Republic of Korea participated virtually.' }],
        status: 'existing',
        confidence: 1,
        rule: 'gazetteer',
      },
      {
        id: 'topic-pet-workshop',
        label: 'Topic',
        name: 'Privacy-enhancing technologies',
        props: {},
        prov: [{ section: '2', quote: 'workshop on privacy-enhancing technologies' }],
        status: 'new',
        confidence: 0.6,
        rule: 'topic-phrases',
        candidates: [{ id: 'topic-ai-governance', score: 0.8 }],
      },
    ],
    edges: [
      {
        type: 'ATTENDED',
        from: 'KOR',
        to: 'mtg-dps-51',
        props: { mode: 'virtual' },
        prov: [{ section: '1', quote: 'Republic of Korea participated virtually.' }],
        confidence: 0.9,
        rule: 'attendance-list',
      },
    ],
    updates: [
      {
        node: 'proj-desg-03-2024s',
        prop: 'status',
        value: 'completed',
        previous: { value: 'ongoing', source: 'src-desg-dps-2025-02', section: '貳.三.(八).2' },
        asOf: '2025-10',
        prov: [{ section: '2', quote: 'Project DESG 03 2024S has been completed.' }],
        confidence: 0.8,
        rule: 'project-status',
      },
    ],
  };
}

/** A fresh copy of graph/ in a temporary folder. */
export function graphCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'apec-kg-ingest-')), 'graph');
  cpSync(DEFAULT_GRAPH_DIR, dir, { recursive: true });
  return dir;
}
