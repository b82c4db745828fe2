/**
 * In-memory databases filled with sample-shaped rows (the fields Windows writes: 7036 Binary
 * "SERVICE/state" as UTF-16LE hex, HttpEvent insertion strings, Schannel ErrorCode, 5061 ReturnCode).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { openDatabase, type Database } from '../../src/store/db.js';
import { materialiseDomainTables } from '../../src/store/domain-tables.js';

export interface Ev {
  ts: string;
  host?: string;
  provider: string;
  eventId: number;
  channel?: string;
  data?: Record<string, string | number>;
  params?: string[];
  message?: string;
  /** System/Execution/@ProcessID. */
  processId?: number;
}

export class FixtureDb {
  private recordIds = new Map<number, number>();
  private constructor(
    readonly db: Database,
    readonly conn: DuckDBConnection,
  ) {}

  static async open(path = ':memory:'): Promise<FixtureDb> {
    const db = await openDatabase(path);
    return new FixtureDb(db, db.conn);
  }

  async file(path: string, kind = 'evtx'): Promise<number> {
    const r = await this.conn.runAndReadAll(
      `INSERT INTO files (path, sha256, size, kind) VALUES ('${path.replace(/'/g, "''")}', 'x', 0, '${kind}') RETURNING file_id`,
    );
    return Number(r.getRowObjectsJson()[0]!.file_id);
  }

  /** A file's events, once per file: then its domain rows, as ingest stores them. */
  async events(fileId: number, evs: Ev[]): Promise<void> {
    if (this.recordIds.has(fileId)) throw new Error(`events of file ${fileId} are loaded already`);
    this.recordIds.set(fileId, 0);
    for (const e of evs) {
      const rid = (this.recordIds.get(fileId) ?? 0) + 1;
      this.recordIds.set(fileId, rid);
      const p = await this.conn.prepare(
        `INSERT INTO events (file_id, host, channel, provider, event_id, record_id, ts, data, params, message, process_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7::TIMESTAMP_NS, $8::JSON, $9::VARCHAR[], $10, $11)`,
      );
      p.bindInteger(1, fileId);
      p.bindVarchar(2, e.host ?? 'WEB01.contoso.local');
      p.bindVarchar(3, e.channel ?? (e.provider === 'Microsoft-Windows-Security-Auditing' ? 'Security' : 'System'));
      p.bindVarchar(4, e.provider);
      p.bindInteger(5, e.eventId);
      p.bindBigInt(6, BigInt(rid));
      p.bindVarchar(7, e.ts);
      p.bindVarchar(8, JSON.stringify(e.data ?? {}));
      p.bindVarchar(9, `[${(e.params ?? []).map((s) => `'${s.replace(/'/g, "''")}'`).join(', ')}]`);
      if (e.message === undefined) p.bindNull(10);
      else p.bindVarchar(10, e.message);
      if (e.processId === undefined) p.bindNull(11);
      else p.bindUBigInt(11, BigInt(e.processId));
      await p.run();
    }
    await materialiseDomainTables(this.db, fileId);
  }

  async certificate(
    fileId: number,
    host: string,
    c: { thumbprint: string; keySpec?: number; exportable?: boolean; hasPrivateKey?: boolean },
  ): Promise<void> {
    await this.conn.run(
      `INSERT INTO certificates (file_id, host, store, thumbprint, has_private_key, key_spec, exportable)
       VALUES (${fileId}, '${host}', 'MY', '${c.thumbprint}', ${c.hasPrivateKey ?? true}, ${c.keySpec ?? 1}, ${c.exportable ?? true})`,
    );
  }

  close(): void {
    this.db.close();
  }
}

const utf16Hex = (s: string): string =>
  [...Buffer.from(s, 'utf16le')]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase() + '0000';

const DISPLAY: Record<string, string> = {
  IISADMIN: 'IIS Admin Service',
  W3SVC: 'World Wide Web Publishing Service',
  WAS: 'Windows Process Activation Service',
  SMTPSVC: 'Simple Mail Transfer Protocol (SMTP)',
  MSFTPSVC: 'FTP Publishing Service',
  SMS_EXECUTIVE: 'SMS_EXECUTIVE',
};
const STATES = ['', 'stopped', 'start pending', 'stop pending', 'running'];

/** Service Control Manager 7036 as Windows writes it (param1/param2 localised, Binary key/state). */
export function svc(ts: string, key: string, state: 1 | 2 | 3 | 4, host?: string): Ev {
  return {
    ts,
    host,
    provider: 'Service Control Manager',
    eventId: 7036,
    data: { param1: DISPLAY[key] ?? key, param2: STATES[state]!, Binary: utf16Hex(`${key}/${state}`) },
    params: [DISPLAY[key] ?? key, STATES[state]!],
  };
}

/** HttpEvent 15300 (deleted) / 15301 (created) for an endpoint: DeviceObject then the endpoint. */
export function binding(ts: string, id: 15300 | 15301, endpoint: string, host?: string): Ev {
  return {
    ts,
    host,
    provider: 'Microsoft-Windows-HttpEvent',
    eventId: id,
    data: { DeviceObject: '\\Device\\Http\\ReqQueue', EndPoint: endpoint },
    params: ['\\Device\\Http\\ReqQueue', endpoint],
  };
}

/** Schannel 36870 with its ErrorCode (HexInt32 as rendered) and ErrorStatus. */
export function schannel(ts: string, code: string, status = 0, host?: string): Ev {
  return {
    ts,
    host,
    provider: 'Schannel',
    eventId: 36870,
    data: { Type: 'server', ErrorCode: code, ErrorStatus: status },
  };
}

export function boot(ts: string, host?: string): Ev[] {
  return [
    {
      ts,
      host,
      provider: 'EventLog',
      eventId: 6009,
      params: ['6.01.', '7601', 'Service Pack 1', 'Multiprocessor Free', '17514'],
    },
    { ts, host, provider: 'EventLog', eventId: 6005 },
  ];
}

export function shutdown(ts: string, host?: string): Ev {
  return { ts, host, provider: 'EventLog', eventId: 6006 };
}

export function proc(ts: string, image: string, commandLine: string, host?: string): Ev {
  return {
    ts,
    host,
    provider: 'Microsoft-Windows-Security-Auditing',
    eventId: 4688,
    data: { NewProcessName: image, CommandLine: commandLine, SubjectUserName: 'admin', SubjectDomainName: 'CONTOSO' },
  };
}

export function cryptoFailure(ts: string, code: string, keyName: string, host?: string): Ev {
  return {
    ts,
    host,
    provider: 'Microsoft-Windows-Security-Auditing',
    eventId: 5061,
    data: {
      ProviderName: 'Microsoft Software Key Storage Provider',
      AlgorithmName: 'RSA',
      KeyName: keyName,
      KeyType: '%%2499',
      Operation: '%%2480',
      ReturnCode: code,
    },
  };
}
