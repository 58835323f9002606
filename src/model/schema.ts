// Shape of one data-file entry, checked before any cross-file rule runs.
import { z } from 'zod';
import { NODE_LABELS } from './types.js';

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

export const nodeEntrySchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'ids use letters, digits, ".", "_" and "-"'),
    label: z.enum(NODE_LABELS, { error: `label must be one of ${NODE_LABELS.join(', ')}` }),
    name: z.string().min(1),
    nameZh: z.string().min(1).optional(),
    aliases: z.array(z.string().min(1)).default([]),
    props: propsSchema,
    note: z.string().optional(),
    prov: provSchema,
  })
  .strict();

export const edgeEntrySchema = z
  .object({
    type: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'relationship types are UPPER_SNAKE_CASE'),
    from: z.string().min(1),
    to: z.string().min(1),
    key: z.string().min(1).optional(),
    props: propsSchema,
    note: z.string().optional(),
    prov: provSchema,
  })
  .strict();

export const fileSchema = z
  .object({
    source: z.string().min(1).optional(),
    nodes: z.array(z.unknown()).default([]),
    edges: z.array(z.unknown()).default([]),
  })
  .strict();
