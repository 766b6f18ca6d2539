// display names of countries and actors.
import type { ActorRef } from './api.js';
import { COUNTRY_NAMES } from './countries.js';

export function countryName(code: string): string {
  return COUNTRY_NAMES[code] ?? code;
}

export function actorName(a: ActorRef | null): string {
  if (!a) return 'unknown';
  const country = countryName(a.country);
  if (a.name && a.name !== country) return `${a.name} (${a.country})`;
  return a.sector ? `${country} ${a.sector}` : country;
}

export function dyadLabel(a: string, b: string): string {
  return `${countryName(a)} – ${countryName(b)}`;
}

export const CONTEXTS = [
  'military',
  'diplomatic',
  'economic',
  'technology',
  'intelligence',
  'territory',
  'peacekeeping',
  'terrorism',
  'cyber',
  'cbrn',
  'human_rights',
  'humanitarian',
  'legal',
  'natural_resource',
  'migration',
  'health',
] as const;
