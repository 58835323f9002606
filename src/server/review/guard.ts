// What every review write must show: the token printed at start, and an Origin that is this server itself
// (a page on another site cannot send one, so it cannot drive the write API through the analyst's browser).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../api-errors.js';

export const TOKEN_HEADER = 'x-review-token';

export function newReviewToken(): string {
  return randomBytes(24).toString('base64url');
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function checkWrite(request: FastifyRequest, token: string): void {
  const given = request.headers[TOKEN_HEADER];
  if (typeof given !== 'string' || !sameToken(given, token)) {
    throw new ApiError(
      401,
      'REVIEW_TOKEN',
      'This write needs the review token: open the address `npm run review` printed (it ends in ?x.review=…).',
    );
  }
  const origin = request.headers.origin;
  const host = request.headers.host;
  if (!origin || !host || origin !== `http://${host}`) {
    throw new ApiError(
      403,
      'FOREIGN_ORIGIN',
      'Review writes are accepted only from the explorer page of this server.',
    );
  }
}
