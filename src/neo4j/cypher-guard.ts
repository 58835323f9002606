// Text checks that refuse Cypher the read-only runner must never send, before the database plans it.
// They complement, not replace, the READ access mode and the EXPLAIN check: those catch writes, but not
// LOAD CSV (which reads files or URLs), TERMINATE TRANSACTIONS or procedures that administer the DBMS.

export type RefusalCode =
  | 'APEC.NotReadOnly'
  | 'APEC.LoadCsv'
  | 'APEC.Procedure'
  | 'APEC.Admin'
  | 'APEC.Empty';

export interface Refusal {
  code: RefusalCode;
  message: string;
}

/** dbms.* procedures that only describe the server. */
const SAFE_DBMS_PROCEDURES = new Set(['dbms.components', 'dbms.info', 'dbms.showcurrentuser']);

/** db.* procedures that only read the graph or its schema; the rest create, drop, clear or wait. */
const SAFE_DB_PROCEDURES = new Set([
  'db.labels',
  'db.relationshiptypes',
  'db.propertykeys',
  'db.info',
  'db.ping',
  'db.schema.visualization',
  'db.schema.nodetypeproperties',
  'db.schema.reltypeproperties',
  'db.index.fulltext.querynodes',
  'db.index.fulltext.queryrelationships',
  'db.index.fulltext.listavailableanalyzers',
]);

/** APOC namespaces and procedures that write, run arbitrary statements, touch files or the network. */
const APOC_WRITE_PATTERN =
  /^apoc\.(create|merge|refactor|periodic|do|trigger|schema|export|import|load|lock|atomic|graph\.fromcypher|cypher\.(run|do|parallel|mapparallel)|nodes\.(delete|link|collapse)|when|case|systemdb|log|uuid|ttl|warmup|util\.(sleep|validate)|static\.set|custom)/;

const ADMIN_FIRST_WORDS = new Set([
  'TERMINATE',
  'GRANT',
  'DENY',
  'REVOKE',
  'ALTER',
  'RENAME',
  'START',
  'STOP',
  'ENABLE',
  'DEALLOCATE',
  'REALLOCATE',
  'DRYRUN',
]);

/**
 * The query with comments turned into spaces and string literals emptied, and backquoted names unquoted,
 * so that keywords inside strings do not count and `db`.`createLabel` still reads as db.createLabel.
 */
export function stripLiteralsAndComments(cypher: string): string {
  let out = '';
  let i = 0;
  while (i < cypher.length) {
    const c = cypher[i] as string;
    const next = cypher[i + 1];
    if (c === '/' && next === '/') {
      const end = cypher.indexOf('\n', i);
      i = end === -1 ? cypher.length : end;
      out += ' ';
    } else if (c === '/' && next === '*') {
      const end = cypher.indexOf('*/', i + 2);
      i = end === -1 ? cypher.length : end + 2;
      out += ' ';
    } else if (c === "'" || c === '"') {
      i = skipQuoted(cypher, i, c, true);
      out += `${c}${c}`;
    } else if (c === '`') {
      const end = skipQuoted(cypher, i, '`', false);
      out += cypher.slice(i + 1, end - 1).replace(/``/g, '`');
      i = end;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/** Index just past the closing quote of the literal that opens at `start`. */
function skipQuoted(text: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (backslashEscapes && c === '\\') {
      i += 2;
    } else if (c === quote) {
      if (!backslashEscapes && text[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i += 1;
    }
  }
  return text.length;
}

/** Names of the procedures the query CALLs (lower-cased); `CALL {` and `CALL (x) {` subqueries are not. */
export function calledProcedures(stripped: string): string[] {
  const names: string[] = [];
  const pattern = /\bCALL\s+([A-Za-z_][\w$]*(?:\s*\.\s*[A-Za-z_][\w$]*)*)/gi;
  for (const match of stripped.matchAll(pattern)) {
    names.push((match[1] as string).replace(/\s+/g, '').toLowerCase());
  }
  return names;
}

export function isSafeProcedure(name: string): boolean {
  if (name.startsWith('dbms.')) return SAFE_DBMS_PROCEDURES.has(name);
  if (name.startsWith('db.')) return SAFE_DB_PROCEDURES.has(name);
  if (name.startsWith('apoc.')) return !APOC_WRITE_PATTERN.test(name);
  // Anything else (user procedures) is judged by the EXPLAIN check and the READ access mode.
  return true;
}

/** dbms.* procedures on the allow-list plan as query type 's'; the runner accepts that only for them. */
export function callsOnlySafeDbmsProcedures(stripped: string): boolean {
  const names = calledProcedures(stripped);
  return names.some((n) => n.startsWith('dbms.')) && names.every(isSafeProcedure);
}

/** Why the query is refused, or undefined when the text checks pass. */
export function checkCypherText(cypher: string): Refusal | undefined {
  const stripped = stripLiteralsAndComments(cypher);
  if (stripped.trim() === '') return { code: 'APEC.Empty', message: 'The query is empty' };
  if (/\bLOAD\s+CSV\b/i.test(stripped)) {
    return { code: 'APEC.LoadCsv', message: 'LOAD CSV is not allowed: queries here may only read the graph' };
  }
  if (/\bIN\s+(?:\d+\s+)?(?:CONCURRENT\s+)?TRANSACTIONS\b/i.test(stripped)) {
    return {
      code: 'APEC.NotReadOnly',
      message: 'CALL { ... } IN TRANSACTIONS is not allowed: it commits on its own and is meant for writing',
    };
  }
  const firstWord = /^\s*(?:EXPLAIN\s+|PROFILE\s+)?([A-Za-z]+)/i.exec(stripped)?.[1]?.toUpperCase();
  if (firstWord && ADMIN_FIRST_WORDS.has(firstWord)) {
    return { code: 'APEC.Admin', message: `${firstWord} is an administration command and is not allowed` };
  }
  for (const name of calledProcedures(stripped)) {
    if (!isSafeProcedure(name)) {
      return {
        code: 'APEC.Procedure',
        message: `Procedure ${name} is not allowed: it can write to or administer the database`,
      };
    }
  }
  return undefined;
}
