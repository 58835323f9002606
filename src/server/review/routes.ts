// The review API, registered only when the server is started for review (`npm run review`): the drafted
// folders, their queue, decisions written back to graph/<slug>/ (validated, atomic, one writer, never over a
// file that changed since the page read it), ingestion of an uploaded report, and a sync into Neo4j.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_MAX_BYTES } from '../../ingest/read/limits.js';
import { applyDecisions, type Decision, ReviewError } from '../../ingest/review/decisions.js';
import { type QueueEntry, queueOf } from '../../ingest/review/queue.js';
import { formatIssue } from '../../model/read.js';
import type { KnowledgeBase } from '../../model/types.js';
import { ApiError, toApiError } from '../api-errors.js';
import { readForReview } from './draft-format.js';
import { createWriteLock, folderOf, readFolder, writeAtomically } from './folder-store.js';
import { checkWrite } from './guard.js';

/** An upload is held to the same size limit as `npm run ingest`. */
export const DEFAULT_MAX_UPLOAD_BYTES = DEFAULT_MAX_BYTES;

export interface ReviewRouteOptions {
  graphDir: string;
  token: string;
  maxUploadBytes?: number;
  /** Called with the knowledge base as it is after a write. */
  onChange(kb: KnowledgeBase): void;
  /** Runs the loader (the same sync as `npm run load`); absent when no database is configured. */
  sync?: () => Promise<Record<string, number>>;
}

export interface FolderAnswer {
  slug: string;
  /** File path (relative to the folder) → version: send them back with every decision. */
  versions: Record<string, string>;
  entries: QueueEntry[];
}

function toReviewError(err: unknown): unknown {
  if (err instanceof ReviewError) return new ApiError(err.status, 'REVIEW', err.message);
  return err;
}

export function registerReviewRoutes(app: FastifyInstance, opts: ReviewRouteOptions): void {
  const lock = createWriteLock();
  const maxUpload = opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;

  const answer = (slug: string): FolderAnswer => {
    const files = readFolder(folderOf(opts.graphDir, slug));
    return {
      slug,
      versions: Object.fromEntries(files.map((f) => [f.path, f.version])),
      entries: queueOf(new Map(files.map((f) => [f.path, f.text]))),
    };
  };

  app.addHook('preHandler', async (request) => {
    if (request.method !== 'GET' && request.url.startsWith('/api/review/')) checkWrite(request, opts.token);
  });

  app.get('/api/review/folders', async () => {
    const dirs = readdirSync(opts.graphDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'sources' && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort();
    return dirs.map((slug) => {
      const entries = answer(slug).entries;
      return { slug, pending: entries.filter((e) => e.review === 'pending').length, entries: entries.length };
    });
  });

  app.get<{ Params: { slug: string } }>('/api/review/folders/:slug', async (request) => {
    try {
      return answer(request.params.slug);
    } catch (err) {
      throw toReviewError(err);
    }
  });

  app.post<{
    Params: { slug: string };
    Body: { decisions?: Decision[]; versions?: Record<string, string> };
  }>('/api/review/folders/:slug/decisions', async (request) => {
    const { slug } = request.params;
    const { decisions, versions } = request.body ?? {};
    if (!Array.isArray(decisions) || decisions.length === 0 || !versions || typeof versions !== 'object') {
      throw new ApiError(
        400,
        'REVIEW',
        'Send {decisions: [...], versions: {file: version}} as the page loaded them.',
      );
    }
    return lock(async () => {
      try {
        const dir = folderOf(opts.graphDir, slug);
        const files = readFolder(dir);
        const stale = files.filter((f) => versions[f.path] !== f.version).map((f) => f.path);
        if (stale.length > 0) {
          throw new ApiError(
            409,
            'STALE',
            `graph/${slug}/${stale[0]} changed on disk since the page loaded it; reload the queue and decide again.`,
          );
        }
        const changed = applyDecisions(new Map(files.map((f) => [f.path, f.text])), decisions);
        const byPath = new Map(files.map((f) => [f.path, f]));
        const writes = [...changed].map(([path, text]) => {
          const f = byPath.get(path);
          if (!f) throw new ApiError(400, 'REVIEW', `${path} is not a file of graph/${slug}`);
          return { abs: f.abs, text };
        });
        const { kb, issues } = readForReview(opts.graphDir, new Map(writes.map((w) => [w.abs, w.text])));
        if (issues.length > 0) {
          throw new ApiError(
            422,
            'INVALID',
            `Not written, graph/ would not be valid:\n${issues.slice(0, 10).map(formatIssue).join('\n')}`,
          );
        }
        await writeAtomically(writes);
        opts.onChange(kb);
        return answer(slug);
      } catch (err) {
        throw toReviewError(err);
      }
    });
  });

  app.post('/api/review/sync', async () => {
    if (!opts.sync)
      throw new ApiError(503, 'NO_DATABASE', 'No Neo4j is configured; start one and run `npm run load`.');
    return lock(async () => ({ loaded: await opts.sync?.() }));
  });

  // The upload is the file's bytes; its name and the wanted slug come in the query string.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: maxUpload },
      (_r, body, done) => done(null, body),
    );
    scope.setErrorHandler((err, _request, reply) => {
      const e = toApiError(err);
      const status = e.status === 413 ? 413 : e.status;
      const message =
        e.status === 413
          ? `The file is larger than the limit of ${Math.round(maxUpload / 1024 / 1024)} MB.`
          : e.message;
      if (status === 500) console.error(err);
      return reply.code(status).send(new ApiError(status, e.code, message).body());
    });
    scope.post<{ Querystring: { name?: string; slug?: string } }>(
      '/api/review/ingest',
      { bodyLimit: maxUpload },
      async (request) => {
        const name = basename(String(request.query.name ?? ''));
        if (!name || !Buffer.isBuffer(request.body)) {
          throw new ApiError(
            400,
            'REVIEW',
            'Send the file as application/octet-stream with ?name=<file name>.',
          );
        }
        // The readers (pdfjs, mammoth) load with the first upload, not with every server.
        const { ingestFile: ingest } = await import('../../ingest/ingest-file.js');
        const tmp = mkdtempSync(join(tmpdir(), 'apec-kg-upload-'));
        const path = join(tmp, name);
        writeFileSync(path, request.body);
        try {
          const slug = request.query.slug?.trim();
          const result = await lock(() =>
            ingest(path, { originalName: name, graphDir: opts.graphDir, ...(slug ? { slug } : {}) }),
          );
          opts.onChange(readForReview(opts.graphDir).kb);
          return { slug: result.slug };
        } catch (err) {
          if (err instanceof ApiError) throw err;
          // IngestError and the like: one line naming the file and the problem, as the CLI prints it.
          throw new ApiError(400, 'INGEST', (err as Error).message.replace(path, name));
        } finally {
          rmSync(tmp, { recursive: true, force: true });
        }
      },
    );
  });
}
