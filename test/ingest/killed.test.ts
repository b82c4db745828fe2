import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ingestPaths } from '../../src/ingest/index.js';
import { packageRoot } from '../../src/paths.js';
import { openDatabase } from '../../src/store/db.js';
import { corpusFiles, scalar, tempDir } from './helpers.js';
import { runCli } from '../cli/run-cli.js';

const k = suite('ingest/killed');

const CHUNK = 65536;

/** A large valid log: one real file header followed by real chunks repeated (as evtx-concat.py does). */
function bigEvtx(out: string, sources: string[], mb: number): void {
  const chunks: Buffer[] = [];
  for (const s of sources) {
    const b = readFileSync(s);
    for (let off = 4096; off + CHUNK <= b.length; off += CHUNK)
      if (b.toString('latin1', off, off + 8) === 'ElfChnk\0') chunks.push(b.subarray(off, off + CHUNK));
  }
  const fd = openSync(out, 'w');
  writeSync(fd, readFileSync(sources[0]!).subarray(0, 4096));
  for (let i = 0; i < (mb * 1024 * 1024) / CHUNK; i++) writeSync(fd, chunks[i % chunks.length]!);
  closeSync(fd);
}

k('kill -9 in the middle of a file: the database holds exactly what was committed before it', async () => {
  const files = corpusFiles('killed ingest');
  const small = files.find((p) => p.includes('DE_WinEventLogSvc_Crash_System_7036'));
  const sources = files.filter((p) => /System\.evtx$|security\.evtx$/.test(p));
  if (!small || sources.length === 0) return;
  const t = tempDir();
  try {
    const dbPath = join(t.dir, 'k.duckdb');
    const big = join(t.dir, 'big.evtx');
    bigEvtx(big, sources, 200);
    const before = await openDatabase(dbPath);
    await ingestPaths(before, [small]);
    const n = await scalar(before, 'SELECT count(*) FROM events');
    before.close();

    const child = spawn(
      process.execPath,
      [join(packageRoot(), 'dist', 'src', 'cli', 'main.js'), 'ingest', big, '--db', dbPath],
      { stdio: 'ignore' },
    );
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    await new Promise((r) => setTimeout(r, 1500));
    assert.is(child.exitCode, null, 'the ingest finished before it could be killed: make the file larger');
    child.kill('SIGKILL');
    await exited;

    const after = await openDatabase(dbPath);
    try {
      assert.is(await scalar(after, 'SELECT count(*) FROM files'), 1);
      assert.is(await scalar(after, 'SELECT count(*) FROM events'), n);
      assert.is(await scalar(after, 'SELECT count(DISTINCT file_id) FROM events'), 1);
      // The database is usable: the small file is recognised, another file loads.
      const again = await ingestPaths(after, [small]);
      assert.is(again.files[0]!.status, 'skipped');
      const other = files.find((p) => p.includes('chainsaw'))!;
      const more = await ingestPaths(after, [other]);
      assert.is(more.files[0]!.status, 'loaded');
    } finally {
      after.close();
    }
  } finally {
    t.cleanup();
  }
});

k(
  'a load stopped between its two commits (events kept, no domain rows, no sha256) is removed at the next open',
  async () => {
    const t = tempDir();
    try {
      const dbPath = join(t.dir, 'half.duckdb');
      const samples = join(packageRoot(), 'samples');
      const first = await openDatabase(dbPath);
      let kept: number;
      try {
        const s = await ingestPaths(first, [join(samples, 'netsh-admin-delete'), join(samples, 'abo-5506-iisadmin')]);
        const victim = s.files.find((f) => f.path.endsWith('Security.evtx'))!.fileId!;
        kept = await scalar(first, 'SELECT count(*) FROM events WHERE file_id <> $1', [victim]);
        // the state a process killed after the first commit leaves
        for (const table of ['logons', 'process_starts'])
          await first.conn.run(`DELETE FROM ${table} WHERE file_id = ${victim}`);
        await first.conn.run(`UPDATE files SET sha256 = '' WHERE file_id = ${victim}`);
      } finally {
        first.close();
      }
      // read-only, the state stays and the command says so
      const q = runCli(['query', 'ingested-files', '--db', dbPath, '-f', 'json']);
      assert.is(q.code, 0, q.stderr);
      assert.match(q.stderr, /warning: .*half\.duckdb: the load of .*Security\.evtx stopped before its end/);
      const again = await openDatabase(dbPath);
      try {
        assert.is(await scalar(again, `SELECT count(*) FROM files WHERE sha256 = ''`), 0);
        assert.is(await scalar(again, 'SELECT count(*) FROM events'), kept);
        assert.is(
          await scalar(again, 'SELECT count(*) FROM events WHERE file_id NOT IN (SELECT file_id FROM files)'),
          0,
        );
        const s = await ingestPaths(again, [join(samples, 'netsh-admin-delete')]);
        for (const f of s.files) {
          const name = f.path.split('/').pop();
          // the stopped file loads again, the complete ones are recognised
          assert.is(f.status, name === 'Security.evtx' ? 'loaded' : 'skipped', name);
        }
      } finally {
        again.close();
      }
    } finally {
      t.cleanup();
    }
  },
);

k('a failure in the second commit (domain rows) removes the events of the file too: it fails alone', async () => {
  const db = await openDatabase(':memory:');
  try {
    // a domain table the insert cannot fill
    await db.conn.run('ALTER TABLE logons ADD COLUMN required INTEGER');
    await db.conn.run('ALTER TABLE logons ALTER COLUMN required SET NOT NULL');
    const samples = join(packageRoot(), 'samples');
    const s = await ingestPaths(db, [join(samples, 'netsh-admin-delete')]);
    const security = s.files.find((f) => f.path.endsWith('Security.evtx'))!;
    const system = s.files.find((f) => f.path.endsWith('System.evtx'))!;
    assert.is(security.status, 'failed');
    assert.match(security.message ?? '', /NOT NULL/i);
    assert.is(system.status, 'loaded');
    assert.is(await scalar(db, 'SELECT count(*) FROM events'), system.records);
    assert.is(await scalar(db, `SELECT count(*) FROM files WHERE path LIKE '%Security.evtx'`), 0);
    assert.is(await scalar(db, 'SELECT count(*) FROM events WHERE file_id NOT IN (SELECT file_id FROM files)'), 0);
  } finally {
    db.close();
  }
});

k.run();
