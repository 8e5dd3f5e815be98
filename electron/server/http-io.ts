import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { type AppError, httpStatusFor, type Result } from '../../shared/result.ts';
import { inputError, unstorableText } from '../core/dispatch-errors.ts';
import { Failure } from '../core/failure.ts';
import { declaresJson } from '../core/http/browser-host.ts';

/** A refusal with its own HTTP status where the error code's usual one does not say it (413, 415, 405). */
export class HttpRefusal extends Error {
  readonly status: number;
  readonly error: AppError;
  constructor(status: number, error: AppError) {
    super(error.message);
    this.status = status;
    this.error = error;
  }
}

export const tooLargeMessage = 'De aanvraag is te groot.';

const jsonHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

export function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  res.writeHead(status, jsonHeaders);
  res.end(JSON.stringify(body));
}

/** A thrown Failure or HttpRefusal as its answer; anything else is not ours to explain (undefined). */
export function refusalOf(thrown: unknown): { status: number; error: AppError } | undefined {
  if (thrown instanceof HttpRefusal) return { status: thrown.status, error: thrown.error };
  if (thrown instanceof Failure && thrown.error.code !== 'internal') {
    return { status: httpStatusFor[thrown.error.code], error: thrown.error };
  }
  // A NUL character in a name or a user name reaches PostgreSQL in a query of the route itself.
  const text = unstorableText(thrown);
  if (text) return { status: 400, error: text };
  return undefined;
}

/**
 * The request's body, read only up to `maxBytes`: a larger one announced by its length is refused before a byte
 * is read, a larger one streamed is refused as soon as it passes the cap (and the connection then closes, so the
 * rest is never read).
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
    return Promise.reject(new HttpRefusal(413, { code: 'invalid_input', message: tooLargeMessage }));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.pause();
      reject(new HttpRefusal(413, { code: 'invalid_input', message: tooLargeMessage }));
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** A JSON body parsed by the route's schema; anything else is refused in Dutch before any work is done. */
export async function jsonBody<S extends z.ZodType>(
  req: IncomingMessage,
  maxBytes: number,
  schema: S,
): Promise<z.output<S>> {
  if (!declaresJson(req.headers['content-type'])) {
    throw new HttpRefusal(415, {
      code: 'invalid_input',
      message: 'Ongeldige aanvraag: de inhoud moet JSON zijn (application/json).',
    });
  }
  const body = await readBody(req, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpRefusal(400, {
      code: 'invalid_input',
      message: 'Ongeldige aanvraag: de inhoud is geen JSON.',
    });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpRefusal(400, inputError(parsed.error));
  return parsed.data;
}
