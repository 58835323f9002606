// The review API as the page calls it: the token from the printed address (x.review in the URL) goes with
// every write; the browser adds the page's own Origin.
import type { Decision } from '../../ingest/review/decisions.js';
import type { QueueEntry } from '../../ingest/review/queue.js';
import { ApiError } from '../api.js';

export interface FolderAnswer {
  slug: string;
  versions: Record<string, string>;
  entries: QueueEntry[];
}

async function call<T>(path: string, init: RequestInit = {}, token?: string): Promise<T> {
  const headers = new Headers(init.headers);
  if (token) headers.set('x-review-token', token);
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch (err) {
    throw new ApiError(0, 'network', `Cannot reach the server: ${(err as Error).message}`);
  }
  const body = (await res.json().catch(() => undefined)) as
    | { error?: { code: string; message: string } }
    | undefined;
  if (!res.ok)
    throw new ApiError(res.status, body?.error?.code ?? 'http', body?.error?.message ?? `HTTP ${res.status}`);
  return body as T;
}

export function createReviewApi(token: string) {
  return {
    folders: () => call<{ slug: string; pending: number; entries: number }[]>('/api/review/folders'),
    folder: (slug: string) => call<FolderAnswer>(`/api/review/folders/${encodeURIComponent(slug)}`),
    decide: (slug: string, decisions: Decision[], versions: Record<string, string>) =>
      call<FolderAnswer>(
        `/api/review/folders/${encodeURIComponent(slug)}/decisions`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ decisions, versions }),
        },
        token,
      ),
    sync: () => call<{ loaded: Record<string, number> }>('/api/review/sync', { method: 'POST' }, token),
    ingest: (file: File, slug?: string) =>
      call<{ slug: string }>(
        `/api/review/ingest?name=${encodeURIComponent(file.name)}${slug ? `&slug=${encodeURIComponent(slug)}` : ''}`,
        { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file },
        token,
      ),
  };
}
export type ReviewApi = ReturnType<typeof createReviewApi>;
