// schema identity and version checks shared by drivers (the SQL itself is per dialect, in each driver's migrate.ts).
import { EntenteError } from '../../core/index.js';

/** Latest schema version this build writes and reads. */
export const SCHEMA_VERSION = 3;

/** SQLite `PRAGMA application_id` of an entente database: 'ENTE' in ASCII. */
export const APPLICATION_ID = 0x454e5445;

/** What a driver found in an existing database before migrating it. */
export interface FoundSchema {
  readonly location: string;
  /** 0 for a fresh, empty database. */
  readonly version: number;
  /** The database's application id (0 when never set). */
  readonly applicationId: number;
  /** True when the database already holds tables. */
  readonly hasTables: boolean;
}

/**
 * Decides what to do with an existing database: the versions to apply, or an error for a
 * database made by a newer entente, or one that is not an entente database at all.
 */
export function plannedMigrations(found: FoundSchema, latest = SCHEMA_VERSION): number[] {
  const { location, version, applicationId, hasTables } = found;
  if (applicationId !== 0 && applicationId !== APPLICATION_ID) {
    throw new EntenteError('schema', `${location} is not an entente database (application id ${applicationId}); give another --db path`);
  }
  if (applicationId === 0 && hasTables) {
    throw new EntenteError('schema', `${location} is not an entente database (it has tables but no entente schema); give another --db path`);
  }
  if (version > latest) {
    throw new EntenteError('schema', `${location} has schema version ${version}, newer than this entente knows (${latest}); upgrade entente, or use another --db path`);
  }
  if (version < 0) throw new EntenteError('schema', `${location} has an unknown schema version ${version}`);
  const out: number[] = [];
  for (let v = version + 1; v <= latest; v++) out.push(v);
  return out;
}
