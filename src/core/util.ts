import * as crypto from 'node:crypto';

// the one-shot hash (Node >= 20.12) is several times cheaper than a Hash object per id; same digest
const oneShot = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;
const sha1 = oneShot ? (s: string): string => oneShot('sha1', s) : (s: string): string => crypto.createHash('sha1').update(s).digest('hex');

/** Short stable hex id from parts. */
export function stableId(...parts: readonly (string | number)[]): string {
  return sha1(parts.join('\u0000')).slice(0, 16);
}

// plain ASCII without a backtick: lower-casing is all fold does (most words of English news)
const NEEDS_FOLDING = /[^\t\n\r -_a-~]/;

/** Lower-case and strip diacritics: Türkiye -> turkiye. */
export function fold(s: string): string {
  if (!NEEDS_FOLDING.test(s)) return s.toLowerCase();
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase();
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// the last date checked: a document's date is checked once per sentence
let lastIso = '';
let lastIsoOk = false;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (s === lastIso) return lastIsoOk;
  const m = ISO_DATE.exec(s);
  let ok = false;
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    ok = d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
  }
  lastIso = s;
  lastIsoOk = ok;
  return ok;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function addDays(iso: string, days: number): string {
  // arithmetic on the numbers, not a parse of a date-time string (this runs for every relative date)
  const y = Number(iso.slice(0, 4));
  const t = Date.UTC(y, Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + days);
  const d = new Date(t);
  const year = d.getUTCFullYear();
  if (Number.isNaN(t) || iso.length !== 10 || year < 1000 || year > 9999) {
    const slow = new Date(`${iso}T00:00:00Z`);
    slow.setUTCDate(slow.getUTCDate() + days);
    return slow.toISOString().slice(0, 10);
  }
  return `${year}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** True when a document may be coded as English: no language given, or English. */
export function isCodable(doc: { readonly lang?: string | null }): boolean {
  const l = doc.lang?.trim().toLowerCase();
  return !l || l === 'en' || l === 'eng' || l.startsWith('en-');
}
