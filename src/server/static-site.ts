// The built explorer (dist/app), its single-page fallback, and the headers that keep the page to itself.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { ApiError } from './api-errors.js';

/** The page loads only its own code; graph layout workers may be built from blob: URLs. */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  // Sigma and CodeMirror set inline styles at run time.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export const NOT_BUILT_MESSAGE =
  'The explorer page has not been built yet. Run `npm start` (which builds it) or `npx vite build`, then reload.';

export function registerSecurityHeaders(app: FastifyInstance): void {
  // Built once: the Fastify wrapper around helmet rebuilt this middleware, CSP parsing included, on every
  // request, which cost more than the rest of a saved query's HTTP handling.
  const setHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // Served over plain http on the loopback interface: asking for https would break the page.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    // Same rule as frame-ancestors 'none', for browsers that only know the older header.
    frameguard: { action: 'deny' },
  });
  app.addHook('onRequest', (request, reply, done) => {
    setHeaders(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
}

/** Paths that look like files (have an extension) 404 when missing; everything else is a page route. */
function isPageRoute(url: string): boolean {
  const path = url.split('?')[0] ?? '/';
  const last = path.split('/').pop() ?? '';
  return !last.includes('.');
}

export async function registerStaticSite(app: FastifyInstance, staticDir: string): Promise<void> {
  const index = join(staticDir, 'index.html');
  if (existsSync(staticDir)) {
    await app.register(fastifyStatic, {
      root: staticDir,
      // New builds are picked up without a restart.
      wildcard: true,
      // The headers below decide caching: hashed assets forever, everything else revalidated.
      cacheControl: false,
      setHeaders(res, filePath) {
        const hashed = /[\\/]assets[\\/]/.test(filePath);
        res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    if (request.url.startsWith('/api/') || request.url === '/api' || !isRead || !isPageRoute(request.url)) {
      const err = new ApiError(
        404,
        'NOT_FOUND',
        `No such resource: ${request.method} ${request.url.split('?')[0]}`,
      );
      return reply.code(404).send(err.body());
    }
    if (!existsSync(index)) {
      return reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT_MESSAGE);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', staticDir);
  });
}
