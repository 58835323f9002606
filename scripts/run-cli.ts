// The one ending of every command-line script: run the commander program, and on an error print what went
// wrong (its message, not a stack trace) and exit with 1.
import type { Command } from 'commander';

export function runCli(program: Command): void {
  program.parseAsync().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
