// Shape of one data-file entry, checked before any cross-file rule runs.
import { z } from 'zod';
import { NODE_LABELS, REVIEW_STATES } from './types.js';

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const propValue = z.union([scalar, z.array(z.string()), z.array(z.number())]);
const camelKey = /^[a-z][A-Za-z0-9]*$/;

export const propsSchema = z
  .record(z.string().regex(camelKey, 'property names are camelCase'), propValue)
  .default({});

const provEntry = z.object({
  source: z.string().min(1).optional(),
  // A section such as 1 or 2.1 reads as a number in YAML; it is a label all the same.
  section: z
    .union([z.string().min(1), z.number()], { error: 'every provenance entry needs a section' })
    .transform(String),
  quote: z.string({ error: 'every provenance entry needs a quote' }).min(2),
});
export type RawProv = z.infer<typeof provEntry>;

export const provSchema = z
  .union([provEntry, z.array(provEntry)], { error: 'prov must be a mapping or a list of mappings' })
  .optional()
  .transform((p) => (p === undefined ? [] : Array.isArray(p) ? p : [p]));

// What ingestion adds to a drafted entry; hand-written entries leave these out.
const draftFields = {
  review: z.enum(REVIEW_STATES, { error: `review must be one of ${REVIEW_STATES.join(' | ')}` }).optional(),
  confidence: z.number().min(0).max(1, 'confidence is a number from 0 to 1').optional(),
  rule: z.string().min(1).optional(),
};

const entryId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'ids use letters, digits, ".", "_" and "-"');

export const nodeEntrySchema = z
  .object({
    id: entryId,
    label: z.enum(NODE_LABELS, { error: `label must be one of ${NODE_LABELS.join(', ')}` }),
    name: z.string().min(1),
    nameZh: z.string().min(1).optional(),
    aliases: z.array(z.string().min(1)).default([]),
    props: propsSchema,
    note: z.string().optional(),
    prov: provSchema,
    ...draftFields,
    candidates: z
      .array(z.object({ id: z.string().min(1), score: z.number().min(0).max(1) }).strict())
      .optional(),
    mergedInto: entryId.optional(),
  })
  .strict()
  .superRefine((n, ctx) => {
    if ((n.review === 'merged') !== (n.mergedInto !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['mergedInto'],
        message: 'review: merged and mergedInto: <existing id> go together',
      });
    }
  });

export const edgeEntrySchema = z
  .object({
    type: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'relationship types are UPPER_SNAKE_CASE'),
    from: z.string().min(1),
    to: z.string().min(1),
    key: z.string().min(1).optional(),
    props: propsSchema,
    note: z.string().optional(),
    prov: provSchema,
    ...draftFields,
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.review === 'merged') {
      ctx.addIssue({
        code: 'custom',
        path: ['review'],
        message: 'only nodes are merged; a relationship on a merged node follows it by itself',
      });
    }
  });

/** `updates:` entries: a later value of an existing node's property, with its own date and provenance. */
export const updateEntrySchema = z
  .object({
    node: z.string().min(1),
    prop: z.string().regex(camelKey, 'property names are camelCase'),
    value: scalar,
    // An unquoted 2025-10 is a string in YAML 1.2, but 2025 is a number.
    asOf: z.union([z.string(), z.number().int()], { error: 'asOf is required' }).transform(String),
    note: z.string().optional(),
    prov: provSchema,
    ...draftFields,
  })
  .strict()
  .superRefine((u, ctx) => {
    if (u.review === 'merged') {
      ctx.addIssue({
        code: 'custom',
        path: ['review'],
        message: 'an update is accepted, pending or rejected',
      });
    }
  });

export const fileSchema = z
  .object({
    source: z.string().min(1).optional(),
    nodes: z.array(z.unknown()).default([]),
    edges: z.array(z.unknown()).default([]),
    updates: z.array(z.unknown()).default([]),
  })
  .strict();
