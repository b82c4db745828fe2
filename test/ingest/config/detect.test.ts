import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { detectConfigKind, parseConfigArtefact } from '../../../src/ingest/config/index.js';
import { fixture } from './fixture.js';

const t = suite('ingest/config/detect');

t('each fixture is detected by content and parses through parseConfigArtefact', () => {
  const cases = [
    ['applicationHost.config', 'applicationHost.config'],
    ['netsh-http-show-sslcert.txt', 'netsh-sslcert'],
    ['SslBindingInfo.reg', 'reg-sslbindinginfo'],
    ['certutil-store-my.txt', 'certutil-store'],
  ] as const;
  for (const [name, kind] of cases) {
    const { text, file } = fixture(name);
    assert.is(detectConfigKind(text), kind, name);
    assert.is(parseConfigArtefact(kind, text, file).kind, kind);
  }
});

t('other text is not a config artefact', () => {
  for (const text of [
    '',
    'hello',
    '<Events><Event/></Events>',
    '<?xml version="1.0"?><configuration><system.web/></configuration>',
    'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\X]\r\n',
    '{"a":1}',
    'ElfFile\0\0\0',
  ]) {
    assert.is(detectConfigKind(text), null, JSON.stringify(text.slice(0, 30)));
  }
  assert.is(
    detectConfigKind('\uFEFF<?xml version="1.0"?>\n<configuration>\n<customMetadata/></configuration>'),
    'applicationHost.config',
  );
});

t.run();
