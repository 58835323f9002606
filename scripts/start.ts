// npm start: builds the page if needed, starts and loads a local Neo4j (unless NEO4J_URI is set), and serves
// the explorer on http://127.0.0.1:5174/ (HOST, PORT). Ctrl-C stops everything it started. `--review` turns
// on the review write API (see scripts/review.ts).
import { launch } from '../src/server/launch.js';

try {
  const app = await launch({ review: process.argv.includes('--review') });
  let signals = 0;
  const shutdown = (signal: NodeJS.Signals): void => {
    signals += 1;
    if (signals > 1) process.exit(130);
    console.log(`\n${signal}: stopping...`);
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err instanceof Error ? err.message : err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
