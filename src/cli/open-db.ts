/** Opening the database a command reads: it must exist (a typo must not create an empty one). */
import { existsSync } from 'node:fs';
import { InputError, UsageError } from '../errors.js';
import { openDatabase, type Database } from '../store/db.js';

export async function openExistingDatabase(path: string | undefined): Promise<Database> {
  if (path === undefined || path === '') throw new UsageError('--db FILE is required');
  if (!existsSync(path)) {
    throw new InputError(
      'database not found',
      path,
      undefined,
      'create it with "bindtrail ingest PATH… --db FILE" or use "bindtrail analyze"',
    );
  }
  return openDatabase(path, { readOnly: true });
}
