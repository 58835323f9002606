// npm run ingest -- <file> [--slug S] [--lang zh|en] [--dry-run] [--json]: drafts a sourced graph folder from a
// meeting report (PDF, DOCX, TXT/MD). Bad input: one line naming the file and the problem, exit 1, nothing written.
import { Command, InvalidArgumentError } from 'commander';
import { draftToJson } from '../src/ingest/draft-json.js';
import { ingestFile } from '../src/ingest/ingest-file.js';
import { IngestError } from '../src/ingest/types.js';

function language(value: string): 'zh' | 'en' {
  if (value !== 'zh' && value !== 'en') throw new InvalidArgumentError('must be zh or en');
  return value;
}

const program = new Command('ingest')
  .description('Draft graph/<slug>/ from a report (PDF, DOCX, TXT or MD; Chinese or English)')
  .argument('<file>', 'the report file')
  .option('--slug <slug>', 'folder name under graph/ (default: from the file name)')
  .option('--lang <lang>', 'the report language, zh or en (default: detected)', language)
  .option('--dry-run', 'draft only; write nothing')
  .option('--json', 'print the whole draft as JSON on stdout and nothing else')
  .option('--graph <dir>', 'knowledge base folder (default: graph/)')
  .action(
    async (
      file: string,
      opts: { slug?: string; lang?: 'zh' | 'en'; dryRun?: boolean; json?: boolean; graph?: string },
    ) => {
      const outcome = await ingestFile(file, {
        ...(opts.slug ? { slug: opts.slug } : {}),
        ...(opts.lang ? { lang: opts.lang } : {}),
        ...(opts.graph ? { graphDir: opts.graph } : {}),
        dryRun: Boolean(opts.dryRun),
      });
      if (opts.json) {
        process.stdout.write(`${draftToJson(outcome.draft)}\n`);
        return;
      }
      const { draft, written } = outcome;
      const count = (status: string) => draft.nodes.filter((n) => n.status === status).length;
      console.log(
        `${draft.source.title || outcome.extracted.fileName}: ${draft.sections.length} sections, ` +
          `${count('existing')} known and ${count('new')} new nodes, ${draft.edges.length} relationships, ` +
          `${draft.updates.length} later values drafted`,
      );
      if (!written) {
        console.log('Dry run: nothing was written.');
        return;
      }
      console.log(
        `Wrote ${written.folder} (${written.added} entries added, ${written.kept} review decisions kept). ` +
          'Every entry is pending review: open the review view (npm run review) or edit the YAML, then npm run validate and npm run load.',
      );
    },
  );

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof IngestError || error instanceof Error ? error.message : String(error));
  process.exit(1);
});
