// The byte cap of a query answer counts what the JSON will hold: a node repeated in many rows (paths through a
// hub) is written out each time, so it is charged each time.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { ByteBudget, GraphCollector, toPlain } from '../../src/neo4j/to-json.js';

const hub = new neo4j.types.Node(neo4j.int(1), ['Economy'], { id: 'TWN', name: 'x'.repeat(200) }, 'e1');

describe('answer byte budget', () => {
  it('charges a node again for every row that repeats it', () => {
    const budget = new ByteBudget(5_000);
    const graph = new GraphCollector(budget);
    let rows = 0;
    while (!budget.spent && rows < 1_000) {
      toPlain(hub, graph);
      rows += 1;
    }
    const json = JSON.stringify(Array.from({ length: rows }, () => graph.nodes.get('TWN')));
    expect(budget.spent).toBe(true);
    expect(rows).toBeLessThan(30);
    expect(json.length).toBeLessThan(5_000 * 1.2);
  });

  it('leaves an unlimited budget unlimited', () => {
    const budget = new ByteBudget();
    const graph = new GraphCollector(budget);
    for (let i = 0; i < 100; i++) toPlain(hub, graph);
    expect(budget.spent).toBe(false);
    expect(budget.remaining).toBe(Number.POSITIVE_INFINITY);
  });
});
