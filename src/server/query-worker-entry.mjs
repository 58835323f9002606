// Entry of the query worker thread: worker threads do not inherit the TypeScript loader that runs the server
// (tsx), so it is registered here before the worker's TypeScript is imported.
import { register } from 'tsx/esm/api';

register();
await import('./query-worker.ts');
