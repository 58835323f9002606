// Values tests/setup/global.ts hands to every test file through inject().
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
    /** Data folder of the test database (holds its pid file and log). */
    neo4jDataDir: string;
  }
}
