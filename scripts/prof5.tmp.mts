import { readFileSync } from 'node:fs';
import { createDriver } from '/work/main/src/neo4j/config.ts';
import { loadIntoNeo4j } from '/work/main/src/neo4j/loader.ts';
const pid = Number(process.argv[2]);
const jvmCpu = () => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
// same generator as the bench
const { execSync } = await import('node:child_process');
const mod = await import('/work/main/scripts/bench-kb.tmp.ts');
const kb = mod.syntheticKnowledgeBase(Number(process.argv[3] ?? 50000), Number(process.argv[4] ?? 200000));
const d = createDriver({ uri: 'bolt://127.0.0.1:7701', user: 'neo4j', password: 'dev-pass-123' });
const s = d.session(); await s.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS'); await s.close();
for (const label of (process.env.ONLY ?? 'fresh,reload').split(',')) {
  const c0 = process.cpuUsage(); const j0 = jvmCpu(); const t0 = performance.now();
  let last = t0; const marks = [];
  const r = await loadIntoNeo4j(d, kb, { onProgress: (done) => { const now = performance.now(); marks.push(Math.round(now - last)); last = now; } });
  const c = process.cpuUsage(c0);
  console.log(label, 'wall', Math.round(performance.now() - t0), 'node cpu', Math.round((c.user + c.system) / 1000), 'jvm cpu', jvmCpu() - j0, 'tail after last batch', Math.round(performance.now() - last));
  console.log('  batch ms', marks.join(' '));
}
await d.close();
