// Refuses requests whose Host header is not a loopback name while the server listens on loopback only: a web
// page on another site could otherwise point its own host name at 127.0.0.1 (DNS rebinding) and read the API.
import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-errors.js';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_NAMES.has(host) || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The host name of a Host header, without the port ("[::1]:5174" -> "[::1]"). */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.split(':')[0] ?? '';
}

export function registerHostCheck(app: FastifyInstance, listenHost: string): void {
  // Bound to a public interface on purpose (HOST=0.0.0.0): any name may reach it.
  if (!isLoopbackHost(listenHost)) return;
  app.addHook('onRequest', (request, reply, done) => {
    const name = hostName(request.headers.host ?? '');
    if (isLoopbackHost(name)) return done();
    const err = new ApiError(
      403,
      'FORBIDDEN_HOST',
      'This server only answers requests addressed to 127.0.0.1 or localhost.',
    );
    reply.code(403).send(err.body());
  });
}
