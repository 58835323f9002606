// Read-only queries that try to exhaust the database's memory or CPU, or the server's answer: the hostile
// corpus of tests/server/hostile.db.test.ts, also sent by `npm run bench:soak`.

export const CARTESIAN = 'MATCH (a), (b), (c)';
/** name, query, params (or their JSON text, for nesting JSON.stringify cannot write), the correct statuses. */
export const HOSTILE: [string, string, Record<string, unknown> | string, number[]][] = [
  ['string doubled 30 times', 'RETURN reduce(s = "x", i IN range(1, 30) | s + s) AS big', {}, [422]],
  [
    'string doubled 26 times, only its size',
    'RETURN size(reduce(s = "x", i IN range(1, 26) | s + s)) AS n',
    {},
    [200, 422],
  ],
  [
    'string grown a million times',
    "RETURN size(reduce(s = '', i IN range(1, 1000000) | s + 'abcdefghij')) AS n",
    {},
    [200, 422],
  ],
  [
    'one row holding 3 million strings',
    'RETURN [x IN range(1, 3000000) | toString(x) + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"] AS l',
    {},
    [200, 422],
  ],
  ['a 100-million-element list', 'RETURN range(1, 100000000) AS l', {}, [200, 422]],
  ['a map holding 5 million numbers', 'RETURN {k: range(1, 5000000)} AS m', {}, [200, 422]],
  ['collect of a billion', 'UNWIND range(1, 1000000000) AS x RETURN size(collect(x)) AS n', {}, [422]],
  [
    'collect of 3 million strings',
    'UNWIND range(1, 3000000) AS x RETURN collect(toString(x) + "aaaaaaaaaaaaaaaaaaaaaaaa") AS l',
    {},
    [200, 422],
  ],
  [
    'UNWIND of 100 million rows, counted',
    'WITH range(1, 10000) AS r UNWIND r AS a UNWIND r AS b RETURN count(*) AS n',
    {},
    [200, 422],
  ],
  ['UNWIND of endless rows', 'UNWIND range(1, 9000000000000) AS x WITH x WHERE x < 0 RETURN x', {}, [422]],
  [
    'cartesian product collected',
    `${CARTESIAN} WITH collect([a.id, b.id, c.id]) AS l RETURN size(l) AS n`,
    {},
    [422],
  ],
  ['cartesian product collected as nodes', `${CARTESIAN} RETURN collect(a) AS l`, {}, [200, 422]],
  [
    'cartesian product counted',
    `${CARTESIAN}, (d) WHERE a.name + b.name + c.name + d.name = 'never' RETURN count(*)`,
    {},
    [422],
  ],
  [
    'cartesian product sorted',
    `${CARTESIAN} RETURN a.id, b.id, c.id ORDER BY a.name + b.name + c.name LIMIT 5`,
    {},
    [200, 422],
  ],
  ['unbounded variable-length paths counted', 'MATCH p = (a)-[*]-(b) RETURN count(p) AS n', {}, [422]],
  ['unbounded variable-length paths returned', 'MATCH p = (a)-[*]-(b) RETURN p', {}, [200, 422]],
  ['unbounded paths collected', 'MATCH p = (a)-[*]->(b) RETURN collect(p) AS ps', {}, [200, 422]],
  [
    'shortestPath over every pair',
    'MATCH (a), (b) WHERE a <> b MATCH p = shortestPath((a)-[*]-(b)) RETURN count(p) AS n',
    {},
    [200, 422],
  ],
  [
    'allShortestPaths over every pair',
    'MATCH (a), (b) WHERE a <> b MATCH p = allShortestPaths((a)-[*]-(b)) RETURN p',
    {},
    [200, 422],
  ],
  [
    'list nested 100,000 deep',
    'RETURN reduce(l = [], i IN range(1, 100000) | [l]) AS deep',
    {},
    [200, 400, 422],
  ],
  [
    'list nested 1,000 deep per row',
    'UNWIND range(1, 1000) AS x RETURN reduce(l = [x], i IN range(1, 1000) | [l]) AS deep',
    {},
    [200, 400, 422],
  ],
  ['every node with every other', 'MATCH (a), (b) RETURN a, b', {}, [200, 422]],
  [
    'sorting a billion numbers by chance',
    'UNWIND range(1, 1000000000) AS x RETURN x ORDER BY rand() LIMIT 1',
    {},
    [422],
  ],
  ['huge string parameter', 'RETURN size($s) AS n', { s: 'x'.repeat(60_000) }, [200, 413]],
  [
    'parameter list multiplied',
    'UNWIND $l AS a UNWIND $l AS b UNWIND $l AS c RETURN count(*) AS n',
    { l: Array.from({ length: 5000 }, (_, i) => i) },
    [200, 422],
  ],
  [
    'parameters nested 5,000 deep',
    'RETURN $p AS p',
    `{"p": ${'['.repeat(5000)}1${']'.repeat(5000)}}`,
    [400, 413],
  ],
  [
    'parameters with 20,000 values',
    'RETURN size($p) AS n',
    { p: Array.from({ length: 20_000 }, () => 1) },
    [400],
  ],
];
