import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  looksLikeSchannelProtocolsReg,
  parseRegSchannelProtocols,
} from '../../../src/ingest/config/reg-schannel-protocols.js';
import { throwsMatching } from './fixture.js';

const t = suite('ingest/config/reg-schannel-protocols');
const ROOT = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';
const REG = [
  'Windows Registry Editor Version 5.00',
  '',
  `[${ROOT}]`,
  '',
  `[${ROOT}\\SSL 2.0]`,
  '',
  `[${ROOT}\\SSL 2.0\\Client]`,
  '"DisabledByDefault"=dword:00000001',
  '',
  `[${ROOT}\\TLS 1.0\\Server]`,
  '"Enabled"=dword:00000000',
  '"DisabledByDefault"=dword:00000001',
  '',
  `[${ROOT}\\TLS 1.2\\Server]`,
  '"Enabled"=dword:ffffffff',
  '"DisabledByDefault"=dword:00000000',
  '',
  `[${ROOT}\\TLS 1.2\\Client]`,
  '"Enabled"=hex(4):01,00,00,00',
  '"DisabledByDefault"=dword:0',
  '',
  `[${ROOT}\\TLS 1.3\\Server]`,
  '"Enabled"="1"',
  '',
].join('\r\n');

t('ASCII export: protocols, sides and DWORDs; a string where a DWORD belongs is warned about', () => {
  const r = parseRegSchannelProtocols(REG, 'p.reg');
  assert.equal(
    r.protocols.map((p) => [p.protocol, p.side, p.enabled, p.disabledByDefault]),
    [
      ['SSL 2.0', 'Client', null, 1],
      ['TLS 1.0', 'Server', 0, 1],
      ['TLS 1.2', 'Server', 0xffffffff, 0],
      ['TLS 1.2', 'Client', 1, 0],
      ['TLS 1.3', 'Server', null, null],
    ],
  );
  assert.equal(r.warnings, ['line 23: "Enabled" of TLS 1.3\\Server is not a DWORD (""1"")']);
  assert.ok(looksLikeSchannelProtocolsReg(REG));
});

t('UTF-16LE bytes with BOM (as reg.exe writes them) and ControlSet001 keys', () => {
  const text = REG.replace(/CurrentControlSet/g, 'ControlSet001');
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const r = parseRegSchannelProtocols(new Uint8Array(bytes), 'p16.reg');
  assert.equal(r.protocols.length, 5);
  assert.equal(r.protocols[2]!.enabled, 0xffffffff);
});

t('deleted keys and other keys are ignored; a .reg of another key or no .reg is refused', () => {
  const r = parseRegSchannelProtocols(
    [
      'REGEDIT4',
      '',
      `[-${ROOT}\\TLS 1.1\\Server]`,
      `[${ROOT}\\TLS 1.1\\Server\\Extra]`,
      '"Enabled"=dword:00000000',
      `[${ROOT}]`,
    ].join('\n'),
    'd.reg',
  );
  assert.equal(r.protocols, []);
  throwsMatching(
    () =>
      parseRegSchannelProtocols(
        'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]\r\n',
        'o.reg',
      ),
    /no SCHANNEL\\Protocols key/,
  );
  throwsMatching(() => parseRegSchannelProtocols('hello', 'h.reg'), /not a \.reg export/);
  assert.not.ok(
    looksLikeSchannelProtocolsReg(
      'Windows Registry Editor Version 5.00\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\HTTP\\Parameters\\SslBindingInfo]',
    ),
  );
});

t.run();
