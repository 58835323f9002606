// Cypher for CodeMirror 6: the maintained legacy stream mode for highlighting, plus completions fed from our own
// graph (labels, relationship types, property keys), which a generic grammar cannot know.
// @neo4j-cypher/codemirror pulls an ANTLR runtime (hundreds of KB) for the same job; the stream mode is ~5 KB.
import type {
  Completion,
  CompletionContext,
  CompletionResult,
  CompletionSource,
} from '@codemirror/autocomplete';
import { LanguageSupport, StreamLanguage } from '@codemirror/language';
import { cypher } from '@codemirror/legacy-modes/mode/cypher';

export interface CypherSchema {
  labels: string[];
  relTypes: string[];
  propertyKeys: string[];
  params: string[];
}

const CLAUSES = [
  'MATCH',
  'OPTIONAL MATCH',
  'WHERE',
  'RETURN',
  'WITH',
  'UNWIND',
  'ORDER BY',
  'SKIP',
  'LIMIT',
  'DISTINCT',
  'AS',
  'AND',
  'OR',
  'NOT',
  'XOR',
  'IN',
  'IS NULL',
  'IS NOT NULL',
  'STARTS WITH',
  'ENDS WITH',
  'CONTAINS',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'EXISTS',
  'COUNT',
  'UNION',
  'CALL',
  'YIELD',
  'ASC',
  'DESC',
];

const FUNCTIONS = [
  'collect',
  'count',
  'size',
  'labels',
  'type',
  'keys',
  'properties',
  'coalesce',
  'toLower',
  'toUpper',
  'toString',
  'toInteger',
  'head',
  'last',
  'nodes',
  'relationships',
  'length',
  'shortestPath',
  'allShortestPaths',
  'startNode',
  'endNode',
  'min',
  'max',
  'sum',
  'avg',
  'range',
  'any',
  'all',
  'none',
  'single',
];

/** What the text before the cursor asks for: a label, a relationship type, a property key, a parameter or a word. */
export type CompletionKind = 'label' | 'relType' | 'property' | 'param' | 'word';

/**
 * After `:` we are naming a label inside `( )` and a relationship type inside `[ ]`;
 * the innermost unclosed bracket before the colon decides.
 */
export function colonContext(textBefore: string): 'label' | 'relType' {
  let depthRound = 0;
  let depthSquare = 0;
  for (let i = textBefore.length - 1; i >= 0; i--) {
    const ch = textBefore[i];
    if (ch === ')') depthRound++;
    else if (ch === ']') depthSquare++;
    else if (ch === '(') {
      if (depthRound === 0) return 'label';
      depthRound--;
    } else if (ch === '[') {
      if (depthSquare === 0) return 'relType';
      depthSquare--;
    }
  }
  return 'label';
}

function options(names: string[], type: string, detail?: string): Completion[] {
  return names.map((label) => ({ label, type, ...(detail ? { detail } : {}) }));
}

/** A completion source reading the schema lazily, so a schema that grows after mount is picked up. */
export function cypherCompletions(schema: () => CypherSchema): CompletionSource {
  return (ctx: CompletionContext): CompletionResult | null => {
    const typed = ctx.matchBefore(/[:.$|]?[A-Za-z_][\w]*$|[:.$|]$/);
    if (!typed && !ctx.explicit) return null;
    const from = typed ? typed.from : ctx.pos;
    const text = typed?.text ?? '';
    const s = schema();
    const lead = text[0];
    const lineStart = ctx.state.doc.lineAt(from).from;
    const before = ctx.state.sliceDoc(Math.max(0, lineStart - 2000), from);
    if (lead === ':' || lead === '|') {
      const kind = lead === '|' ? 'relType' : colonContext(before);
      const list =
        kind === 'relType'
          ? options(s.relTypes, 'type', 'relationship')
          : options(s.labels, 'class', 'label');
      return { from: from + 1, options: list, validFor: /^\w*$/ };
    }
    if (lead === '.') {
      return { from: from + 1, options: options(s.propertyKeys, 'property'), validFor: /^\w*$/ };
    }
    if (lead === '$') {
      return { from: from + 1, options: options(s.params, 'variable', 'parameter'), validFor: /^\w*$/ };
    }
    return {
      from,
      options: [
        ...options(CLAUSES, 'keyword'),
        ...FUNCTIONS.map((f) => ({ label: f, type: 'function', apply: `${f}(` })),
      ],
      validFor: /^\w*$/,
    };
  };
}

export function cypherLanguage(): LanguageSupport {
  return new LanguageSupport(StreamLanguage.define(cypher));
}
