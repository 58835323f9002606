// Pure checks of how facts map to Neo4j properties, of the Cypher text guard and of the CLI table.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import type { EdgeRecord, NodeRecord } from '../../src/model/types.js';
import { calledProcedures, checkCypherText, stripLiteralsAndComments } from '../../src/neo4j/cypher-guard.js';
import { edgeToNeo4j, MappingError, nodeToNeo4j } from '../../src/neo4j/mapping.js';
import { displayWidth, formatTable, parseParam } from '../../src/neo4j/query-format.js';

const origin = { file: 'graph/x.yaml', line: 7 };
const prov = [
  { source: 'src-a', section: '§1', quote: 'first quote' },
  { source: 'src-b', section: '貳.一', quote: '第二' },
];

const node: NodeRecord = {
  id: 'TWN',
  label: 'Economy',
  name: 'Chinese Taipei',
  nameZh: '中華台北',
  aliases: ['我國'],
  props: {
    joinedApec: 1991,
    share: 0.5,
    years: [1991, 2024],
    ratios: [1, 2.5],
    codes: ['a', 'b'],
    member: true,
  },
  prov,
  origin,
};

describe('nodeToNeo4j', () => {
  it('flattens props, keeps the label and turns provenance into parallel lists', () => {
    const row = nodeToNeo4j(node);
    expect(row.label).toBe('Economy');
    expect(row.props).toMatchObject({
      id: 'TWN',
      name: 'Chinese Taipei',
      nameZh: '中華台北',
      aliases: ['我國'],
      share: 0.5,
      codes: ['a', 'b'],
      member: true,
      provSources: ['src-a', 'src-b'],
      provSections: ['§1', '貳.一'],
      provQuotes: ['first quote', '第二'],
    });
    expect(row.props.joinedApec).toEqual(neo4j.int(1991));
    expect(row.props.years).toEqual([neo4j.int(1991), neo4j.int(2024)]);
    // A list mixing whole and fractional numbers stays all floats: Neo4j lists hold one type.
    expect(row.props.ratios).toEqual([1, 2.5]);
    expect(
      Object.values(row.props).some((v) => typeof v === 'object' && !Array.isArray(v) && !neo4j.isInt(v)),
    ).toBe(false);
  });

  it('leaves optional fields out rather than storing nulls', () => {
    const { nameZh: _zh, ...bare } = node;
    const row = nodeToNeo4j({ ...bare, props: {} });
    expect('nameZh' in row.props).toBe(false);
    expect('note' in row.props).toBe(false);
  });

  it('refuses a prop that would overwrite a property the loader writes, naming file and line', () => {
    expect(() => nodeToNeo4j({ ...node, props: { name: 'other' } })).toThrow(MappingError);
    expect(() => nodeToNeo4j({ ...node, props: { provQuotes: 'x' } })).toThrow(/graph\/x\.yaml:7: node TWN/);
  });

  it('refuses nested maps and mixed lists', () => {
    const nested = { ...node, props: { m: { a: 1 } as unknown as string } };
    expect(() => nodeToNeo4j(nested)).toThrow(/cannot nest/);
    const mixed = { ...node, props: { l: ['a', 1] as unknown as string[] } };
    expect(() => nodeToNeo4j(mixed)).toThrow(/one type/);
  });
});

describe('edgeToNeo4j', () => {
  const edge: EdgeRecord = {
    id: 'TWN|ATTENDED|mtg-dps-50',
    type: 'ATTENDED',
    from: 'TWN',
    to: 'mtg-dps-50',
    props: { mode: 'in-person', order: 3 },
    note: 'a note',
    prov,
    origin,
  };

  it('keeps the type, the edge id, props, note and provenance', () => {
    const row = edgeToNeo4j(edge);
    expect(row).toMatchObject({ id: edge.id, type: 'ATTENDED', from: 'TWN', to: 'mtg-dps-50' });
    expect(row.props).toMatchObject({
      id: edge.id,
      mode: 'in-person',
      note: 'a note',
      provQuotes: ['first quote', '第二'],
    });
    expect(row.props.order).toEqual(neo4j.int(3));
  });

  it('refuses a relationship type that could break out of the statement', () => {
    expect(() => edgeToNeo4j({ ...edge, type: 'ATTENDED]->() DETACH DELETE (n' })).toThrow(
      /UPPER_SNAKE_CASE/,
    );
  });
});

describe('checkCypherText', () => {
  it('ignores strings and comments and unquotes backquoted names', () => {
    expect(stripLiteralsAndComments("RETURN 'LOAD CSV' /* CALL db.x() */ // IN TRANSACTIONS\n, `a``b`")).toBe(
      "RETURN ''    \n, a`b",
    );
    expect(
      calledProcedures(stripLiteralsAndComments('CALL `db`.`createLabel`("x") CALL { RETURN 1 }')),
    ).toEqual(['db.createlabel']);
  });

  it.each([
    ['LOAD CSV FROM "x" AS l RETURN l', 'APEC.LoadCsv'],
    ['CALL { CREATE () } IN 10 CONCURRENT TRANSACTIONS', 'APEC.NotReadOnly'],
    ['terminate transactions "a"', 'APEC.Admin'],
    ['CALL dbms.security.createUser("a", "b")', 'APEC.Procedure'],
    ['CALL db.awaitIndexes()', 'APEC.Procedure'],
    ['CALL apoc.refactor.mergeNodes([])', 'APEC.Procedure'],
    ['', 'APEC.Empty'],
  ])('refuses %j', (cypher, code) => {
    expect(checkCypherText(cypher)?.code).toBe(code);
  });

  it.each([
    'MATCH (n:Economy) RETURN n',
    'CALL db.labels()',
    'CALL dbms.components()',
    "CALL db.index.fulltext.queryNodes('names', 'taipei')",
    'MATCH (n) CALL (n) { RETURN count(*) AS c } RETURN c',
    "RETURN 'terminate' AS word",
  ])('lets %j through to the database checks', (cypher) => {
    expect(checkCypherText(cypher)).toBeUndefined();
  });
});

describe('query CLI formatting', () => {
  it('reads parameters as JSON when they parse, else as strings', () => {
    expect(parseParam('n=5')).toEqual({ n: 5 });
    expect(parseParam('ids=["AUS","TWN"]')).toEqual({ ids: ['AUS', 'TWN'] });
    expect(parseParam('id=TWN')).toEqual({ id: 'TWN' });
    expect(parseParam('q=a=b')).toEqual({ q: 'a=b' });
    expect(() => parseParam('novalue')).toThrow(/name=value/);
  });

  it('aligns columns, counting wide characters twice', () => {
    const table = formatTable(
      ['id', 'nameZh'],
      [
        ['TWN', '中華台北'],
        ['AUS', 'Australia'],
      ],
    );
    const lines = table.split('\n');
    expect(lines).toEqual(['id  | nameZh', '----+----------', 'TWN | 中華台北', 'AUS | Australia']);
    expect(displayWidth('中華台北')).toBe(8);
  });

  it('shows graph entities by id and other values as JSON', () => {
    const table = formatTable(
      ['n', 'r', 'list'],
      [[{ id: 'TWN', labels: ['Economy'], properties: {} }, { id: 'e1', type: 'ATTENDED' }, [1, 'a']]],
    );
    expect(table.split('\n')[2]).toBe('(TWN:Economy) | [e1] | [1,"a"]');
  });
});
