/** The one error class for programmer errors and broken configuration (bad data file, bad option). */
export class EntenteError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EntenteError';
    this.code = code;
  }
}

/** A command-line usage error: exit code 2. */
export class UsageError extends EntenteError {
  constructor(message: string) {
    super('usage', message);
    this.name = 'UsageError';
  }
}
