import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isEventExport, kindOfHead } from '../../src/ingest/detect.js';
import { expandInputs } from '../../src/ingest/inputs.js';
import { endpointOf, renderMessage } from '../../src/ingest/messages/render.js';
import { tempDir } from './helpers.js';

const d = suite('ingest/detect, inputs, messages');

d('content decides the kind, not the extension', () => {
  const utf16 = (s: string): Uint8Array =>
    new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]));
  assert.is(kindOfHead(new Uint8Array(Buffer.from('ElfFile\0rest'))), 'evtx');
  assert.is(kindOfHead(new Uint8Array(Buffer.from('<?xml version="1.0"?>\n<!-- c -->\n<Events><Event>'))), 'xml');
  assert.is(kindOfHead(new Uint8Array(Buffer.from("<Event xmlns='x'><System/></Event>"))), 'xml');
  assert.is(kindOfHead(utf16('<Events>\r\n<Event>')), 'xml');
  assert.is(
    kindOfHead(
      utf16(
        'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\HTTP\\Parameters\\SslBindingInfo\\0.0.0.0:443]\r\n',
      ),
    ),
    'reg-sslbindinginfo',
  );
  assert.is(kindOfHead(new Uint8Array(Buffer.from('<EventsX/>'))), null);
  assert.is(kindOfHead(new Uint8Array(Buffer.from('hello'))), null);
  assert.is(kindOfHead(new Uint8Array([1, 0, 2, 3, 0, 0, 0, 9, 8, 7, 6, 5, 4, 3, 2, 1])), null);
  assert.ok(isEventExport('\uFEFF  <ev:Events xmlns:ev="x">'));
});

d('inputs: directories recursively, globs with * and **, missing paths reported', async () => {
  const t = tempDir();
  try {
    mkdirSync(join(t.dir, 'a', 'b'), { recursive: true });
    for (const f of ['a/x.evtx', 'a/b/y.evtx', 'a/b/z.txt', 'top.evtx']) writeFileSync(join(t.dir, f), '');
    const rel = (r: { files: string[] }): string[] => r.files.map((f) => relative(t.dir, f).split('\\').join('/'));
    assert.equal(rel(await expandInputs([join(t.dir, 'a')])), ['a/b/y.evtx', 'a/b/z.txt', 'a/x.evtx']);
    assert.equal(rel(await expandInputs([join(t.dir, '*.evtx')])), ['top.evtx']);
    assert.equal(rel(await expandInputs([join(t.dir, '**', '*.evtx')])).sort(), ['a/b/y.evtx', 'a/x.evtx', 'top.evtx']);
    const r = await expandInputs([
      join(t.dir, 'nope'),
      join(t.dir, '*.xml'),
      join(t.dir, 'top.evtx'),
      join(t.dir, 'top.evtx'),
    ]);
    assert.equal(rel(r), ['top.evtx']);
    assert.equal(
      r.missing.map((m) => m.reason),
      ['no such file or directory', 'no file matches this pattern'],
    );
  } finally {
    t.cleanup();
  }
});

d('messages: positional, named, endpoint by shape, optional parts; unknown events stay null', () => {
  assert.is(
    renderMessage('Service Control Manager', null, 7036, ['W3SVC display', 'stopped', 'BIN'], null),
    'The W3SVC display service entered the stopped state.',
  );
  assert.is(
    renderMessage(
      'Microsoft-Windows-HttpEvent',
      'HTTP',
      15300,
      ['\\Device\\Http\\ReqQueue', 'www.contoso.com:443'],
      null,
    ),
    'SSL Certificate Settings deleted for endpoint : www.contoso.com:443 .',
  );
  assert.is(
    renderMessage('Schannel', null, 36870, [], { Type: 'server', ErrorCode: '0x8009001a', ErrorStatus: '10001' }),
    'A fatal error occurred when attempting to access the TLS server credential private key. The error code returned from the cryptographic module is 0x8009001a. The internal error state is 10001.',
  );
  assert.is(renderMessage('Service Control Manager', null, 9999, ['x'], null), null);
  assert.is(renderMessage(null, null, 7036, [], null), null);
  assert.is(renderMessage('Microsoft-Windows-Eventlog', null, 6006, [], null), 'The Event log service was stopped.');
  assert.is(endpointOf(['\\Device\\Http\\ReqQueue', '[fe80::1%4]:443']), '[fe80::1%4]:443');
  assert.is(endpointOf(['no endpoint here']), null);
});

d.run();
