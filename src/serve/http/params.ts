// hand-written validation of query parameters: every failure is a 400 naming the parameter.
import { isIsoDate } from '../../core/index.js';
import { badParam } from './errors.js';

/** Reads query parameters one by one and refuses the ones a route does not know. */
export class Query {
  private readonly seen = new Set<string>();
  constructor(private readonly q: URLSearchParams) {}

  /** The single value of `name`, or undefined; a repeated parameter is an error. */
  raw(name: string): string | undefined {
    this.seen.add(name);
    const all = this.q.getAll(name);
    if (all.length === 0) return undefined;
    if (all.length > 1) throw badParam(name, 'given more than once');
    return all[0];
  }

  string(name: string, opts: { max?: number; min?: number } = {}): string | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    const s = v.trim();
    if (s.length < (opts.min ?? 1)) throw badParam(name, 'must not be empty');
    if (s.length > (opts.max ?? 200)) throw badParam(name, `longer than ${opts.max ?? 200} characters`);
    return s;
  }

  int(name: string, opts: { min: number; max: number; fallback: number }): number {
    const v = this.raw(name);
    if (v === undefined || v === '') return opts.fallback;
    if (!/^-?\d{1,9}$/.test(v)) throw badParam(name, `'${clip(v)}' is not an integer`);
    const n = Number(v);
    if (n < opts.min || n > opts.max) throw badParam(name, `must be between ${opts.min} and ${opts.max}`);
    return n;
  }

  date(name: string): string | undefined {
    const v = this.raw(name);
    if (v === undefined || v === '') return undefined;
    if (!isIsoDate(v)) throw badParam(name, `'${clip(v)}' is not a date (YYYY-MM-DD)`);
    return v;
  }

  /** One of a fixed set of values. */
  choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const v = this.raw(name);
    if (v === undefined || v === '') return fallback;
    if (!(allowed as readonly string[]).includes(v)) throw badParam(name, `'${clip(v)}' is not one of ${allowed.join(', ')}`);
    return v as T;
  }

  /** Every value given for `name` (repeated parameters allowed), each at most `max` characters. */
  all(name: string, max: number): string[] {
    this.seen.add(name);
    const values = this.q.getAll(name);
    if (values.length > 50) throw badParam(name, 'given more than 50 times');
    for (const v of values) if (v.length > max) throw badParam(name, `longer than ${max} characters`);
    return values;
  }

  actor(name: string): string | undefined {
    const v = this.raw(name);
    if (v === undefined || v === '') return undefined;
    return actorCode(name, v);
  }

  /** Throws on any parameter the route did not read. */
  done(): void {
    for (const key of this.q.keys()) {
      if (!this.seen.has(key)) throw badParam(key, 'unknown parameter');
    }
  }
}

/** An actor or country code: three country-level characters, then sector codes (AZE, TURGOV, IGONAT). */
export function actorCode(name: string, v: string): string {
  const up = v.trim().toUpperCase();
  if (!/^[A-Z-]{3}(?:[A-Z]{3}){0,4}$/.test(up)) throw badParam(name, `'${clip(v)}' is not an actor code like AZE or TURGOV`);
  return up;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
