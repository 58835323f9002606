// npm run docs:schema: rewrites the schema section of README.md from src/model/vocabulary.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../src/model/read.js';
import { SCHEMA_BEGIN, SCHEMA_END, schemaMarkdown } from '../src/model/schema-doc.js';

const path = join(REPO_ROOT, 'README.md');
const readme = readFileSync(path, 'utf8');
const start = readme.indexOf(SCHEMA_BEGIN);
const end = readme.indexOf(SCHEMA_END);
if (start < 0 || end < start) {
  console.error(`README.md has no schema markers (${SCHEMA_BEGIN} … ${SCHEMA_END}); nothing was written.`);
  process.exit(1);
}
writeFileSync(path, readme.slice(0, start) + schemaMarkdown() + readme.slice(end + SCHEMA_END.length));
console.log('README.md schema section updated');
