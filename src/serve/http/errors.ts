import { EntenteError } from '../../core/index.js';

// the one error type the HTTP layer maps to a status; anything else is a 500 with a generic message.

/** An error with an HTTP status and a message safe to show to the client. */
export class HttpError extends Error {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  constructor(status: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.headers = headers;
  }
}

/** 400 with a message that names the parameter. */
export function badParam(name: string, problem: string): HttpError {
  return new HttpError(400, `invalid parameter '${name}': ${problem}`);
}

/** Runs a store call whose full-text part came from `param`: an FTS syntax error becomes a 400 naming it. */
export function withUserQuery<T>(param: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof EntenteError && e.code === 'bad-query') throw badParam(param, e.message);
    throw e;
  }
}
