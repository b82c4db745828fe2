/**
 * Appends parsed configuration rows to config_metadata, ssl_bindings and certificates
 * (src/store/schema.ts). Columns are named, so the tables may grow; rows go in batches of
 * multi-row prepared INSERTs inside the caller's transaction.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ConfigRows } from './types.js';

type Cell = string | number | boolean | null;

const BATCH = 200;

/** Insert every row of `rows` for the file `fileId` and `host` (rows.host wins when set). */
export async function insertConfigRows(conn: DuckDBConnection, fileId: number, host: string | null, rows: ConfigRows): Promise<void> {
  const h = rows.host ?? host;
  await insertAll(conn, 'config_metadata',
    ['file_id', 'host', 'key_path', 'property_id', 'data_type', 'user_type', 'attributes', 'value', 'decoded'], [], [],
    rows.metadata.map((m) => [fileId, h, m.keyPath, m.propertyId, m.dataType, m.userType, m.attributes, m.value, m.decoded]));
  await insertAll(conn, 'ssl_bindings',
    ['file_id', 'host', 'source', 'endpoint', 'site', 'binding_information', 'ssl_flags', 'cert_hash', 'cert_store', 'app_id', 'problems'],
    ['problems'], [],
    rows.bindings.map((b) => [fileId, h, b.source, b.endpoint, b.site, b.bindingInformation, b.sslFlags, b.certHash, b.certStore, b.appId, JSON.stringify(b.problems)]));
  await insertAll(conn, 'certificates',
    ['file_id', 'host', 'store', 'thumbprint', 'subject', 'issuer', 'serial', 'not_before', 'not_after', 'has_private_key', 'provider', 'key_container', 'key_spec', 'exportable'],
    [], ['not_before', 'not_after'],
    rows.certificates.map((c) => [fileId, h, c.store, c.thumbprint, c.subject, c.issuer, c.serial, c.notBefore, c.notAfter, c.hasPrivateKey, c.provider, c.keyContainer, c.keySpec, c.exportable]));
}

async function insertAll(conn: DuckDBConnection, table: string, columns: string[], jsonLists: string[], timestamps: string[], rows: Cell[][]): Promise<void> {
  const placeholder = columns
    .map((c) => (jsonLists.includes(c) ? `from_json(?, '["VARCHAR"]')` : timestamps.includes(c) ? `strptime(?, '%Y-%m-%dT%H:%M:%SZ')` : '?'))
    .join(', ');
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${batch.map(() => `(${placeholder})`).join(', ')}`;
    const p = await conn.prepare(sql);
    let k = 1;
    for (const row of batch) for (const v of row) bind(p, k++, v);
    await p.run();
  }
}

function bind(p: Awaited<ReturnType<DuckDBConnection['prepare']>>, i: number, v: Cell): void {
  if (v === null) p.bindNull(i);
  else if (typeof v === 'boolean') p.bindBoolean(i, v);
  else if (typeof v === 'number') p.bindBigInt(i, BigInt(v));
  else p.bindVarchar(i, v);
}
