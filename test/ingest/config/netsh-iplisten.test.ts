import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { looksLikeNetshIpListen, parseNetshIpListen } from '../../../src/ingest/config/netsh-iplisten.js';
import { throwsMatching } from './fixture.js';

const t = suite('ingest/config/netsh-iplisten');

t('empty list (the default): HTTP.sys listens on all addresses', () => {
  const r = parseNetshIpListen(
    '\r\nIP addresses present in the IP listen list:\r\n-------------------------------------------\r\n\r\n\r\n',
    'i.txt',
  );
  assert.equal([r.kind, r.addresses, r.warnings], ['netsh-iplisten', [], []]);
});

t('English list with IPv4 and IPv6 entries, duplicates once', () => {
  const text = [
    '',
    'IP addresses present in the IP listen list:',
    '-------------------------------------------',
    '',
    '    10.0.0.5',
    '    ::',
    '    FE80::1%12',
    '    10.0.0.5',
    '',
  ].join('\r\n');
  assert.equal(parseNetshIpListen(text, 'i.txt').addresses, ['10.0.0.5', '::', 'fe80::1%12']);
  assert.ok(looksLikeNetshIpListen(text));
});

t('German (label unverified) read by shape with a warning; junk lines are warned about', () => {
  const text = [
    'In der IP-Abhörliste vorhandene IP-Adressen:',
    '--------------------------------------------',
    '',
    '    192.0.2.10',
    '    keine Ahnung',
  ].join('\n');
  const r = parseNetshIpListen(text, 'de.txt');
  assert.equal(r.addresses, ['192.0.2.10']);
  assert.equal(r.warnings, ['line 5: "keine Ahnung" is not an IP address; ignored']);
  const odd = parseNetshIpListen(['Liste der IP-Adressen:', '------', '', '  10.1.1.1'].join('\n'), 'x.txt');
  assert.equal(odd.addresses, ['10.1.1.1']);
  assert.match(odd.warnings[0]!, /not in bindtrail's label table; read by shape/);
});

t('other text is refused; sslcert output is not mistaken for it', () => {
  throwsMatching(() => parseNetshIpListen('hello', 'n.txt'), /not `netsh http show iplisten` output/);
  assert.not.ok(looksLikeNetshIpListen('SSL Certificate bindings:\n-------------------------\n'));
});

t.run();
