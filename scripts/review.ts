// npm run review: `npm start` with the review write API on (loopback only; the printed address carries the
// per-start token every write needs). The same as `npm start -- --review`.
process.argv.push('--review');
await import('./start.js');

export {};
