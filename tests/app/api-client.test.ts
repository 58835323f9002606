// The page's API client against a real HTTP server: what it makes of answers that are not what it expects.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from '../../src/app/api.js';

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/api/graph') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>a proxy login page</p>');
    } else if (req.url === '/api/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"neo4j":null}');
    } else if (req.url === '/api/queries') {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('Bad Gateway');
    } else {
      res
        .writeHead(400, { 'content-type': 'application/json' })
        .end('{"error":{"code":"write-refused","message":"Only read queries may run here"}}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe('API client', () => {
  it('parses a JSON answer', async () => {
    expect(await createApiClient(base).health()).toEqual({ ok: true, neo4j: null });
  });

  it('says a successful answer that is not JSON is not JSON', async () => {
    const err = await failure(createApiClient(base).graph());
    expect(err.code).toBe('bad-response');
    expect(err.status).toBe(200);
    expect(err.message).toBe('The server answered 200 with something not JSON');
  });

  it('says a failed answer that is not JSON is not JSON', async () => {
    const err = await failure(createApiClient(base).queries());
    expect(err).toMatchObject({ code: 'bad-response', status: 502 });
  });

  it('passes on the server’s own error code and message', async () => {
    const err = await failure(createApiClient(base).query('CREATE (n)'));
    expect(err).toMatchObject({
      code: 'write-refused',
      status: 400,
      message: 'Only read queries may run here',
    });
  });

  it('says when the server cannot be reached', async () => {
    const err = await failure(createApiClient('http://127.0.0.1:1').health());
    expect(err.code).toBe('network');
    expect(err.message).toMatch(/^Cannot reach the server/);
  });
});
