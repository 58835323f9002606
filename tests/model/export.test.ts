import { parse as parseCsv } from 'csv-parse/sync';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { buildExportGraph, exportGraphJson, toCsv, toGexf } from '../../src/model/export.js';
import { readKnowledgeBase } from '../../src/model/read.js';
import { BASE_YAML, makeGraphDir } from './fixture.js';

const kb = readKnowledgeBase(makeGraphDir({ 'base.yaml': BASE_YAML })).kb;

describe('export', () => {
  it('lays out and measures deterministically', () => {
    const a = exportGraphJson(kb);
    const b = exportGraphJson(kb);
    expect(a).toEqual(b);
    const aus = a.nodes.find((n) => n.key === 'AUS')?.attributes;
    expect(aus).toMatchObject({ category: 'Economy', degree: 1, label: 'Australia' });
    expect(Number.isFinite(aus?.x)).toBe(true);
    expect(Number.isFinite(aus?.y)).toBe(true);
    expect(typeof aus?.betweenness).toBe('number');
    expect(typeof aus?.community).toBe('number');
    const positions = new Set(a.nodes.map((n) => `${n.attributes?.x},${n.attributes?.y}`));
    expect(positions.size).toBe(a.nodes.length);
  });

  it('writes GEXF that Gephi-compatible parsers read back with the same nodes, edges and attributes', () => {
    const g = buildExportGraph(kb);
    const back = parseGexf(Graph, toGexf(g));
    expect(back.order).toBe(g.order);
    expect(back.size).toBe(g.size);
    expect(back.getNodeAttribute('TWN', 'aliases')).toBe('我國');
    expect(back.getNodeAttribute('AUS', 'category')).toBe('Economy');
    const [edge] = back.edges();
    expect(back.getEdgeAttribute(edge, 'prop_mode')).toBe('in-person');
  });

  it('writes CSV tables with one row per node and edge and provenance columns', () => {
    const g = buildExportGraph(kb);
    const { nodes, edges } = toCsv(g);
    const nodeRows = parseCsv(nodes, { columns: true }) as Record<string, string>[];
    const edgeRows = parseCsv(edges, { columns: true }) as Record<string, string>[];
    expect(nodeRows).toHaveLength(g.order);
    expect(edgeRows).toHaveLength(g.size);
    expect(nodeRows.find((r) => r.id === 'mtg-1')?.startDate).toBe('2025-02-26');
    expect(edgeRows[0]).toMatchObject({
      source: 'AUS',
      target: 'mtg-1',
      type: 'ATTENDED',
      mode: 'in-person',
    });
    expect(edgeRows[0]?.provenance).toContain('src-test');
  });
});
