import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError, describeError } from '../../../src/errors.js';
import { parseAppHostConfig } from '../../../src/ingest/config/index.js';
import { fixture, throwsMatching } from './fixture.js';

const t = suite('ingest/config/app-host-config');

t('customMetadata keys and properties, 5506 decoded, 5511 store, legacy ids kept', () => {
  const { text, file } = fixture('applicationHost.config');
  const rows = parseAppHostConfig(text, file);
  assert.is(rows.kind, 'applicationHost.config');
  assert.equal(
    rows.metadata.map((m) => [m.keyPath, m.propertyId, m.decoded]),
    [
      ['LM/W3SVC/INFO', 4012, null],
      ['LM/W3SVC/INFO', 2120, null],
      ['LM/W3SVC/1', 5506, 'A178873B314030E17463122E23BB285AF0C51338'],
      ['LM/W3SVC/1', 5511, 'MY'],
      ['LM/W3SVC/2', 2161, null],
      ['LM/W3SVC/2', 1018, null],
      ['LM/W3SVC/2', 5506, '000102'],
    ],
  );
  const p = rows.metadata[2]!;
  assert.equal(
    [p.dataType, p.userType, p.attributes, p.value],
    ['Binary', '1', 'None', 'oXiHOzFAMOF0YxIuI7soWvDFEzg='],
  );
  assert.is(rows.metadata[1]!.value, '400,0,,,0\n');
  assert.equal(rows.warnings, ['line 70: property 5506 decodes to 3 bytes, not the 20 of a SHA-1 thumbprint']);
});

t('https bindings of sites become ssl_bindings rows with HTTP.sys endpoints', () => {
  const { text, file } = fixture('applicationHost.config');
  const b = parseAppHostConfig(text, file).bindings;
  assert.equal(
    b.map((x) => [x.site, x.bindingInformation, x.sslFlags, x.endpoint, x.certHash, x.certStore, x.problems]),
    [
      ['Default Web Site', '*:443:', 0, '0.0.0.0:443', null, null, []],
      [
        'Shop & Co',
        '*:443:shop.contoso.com',
        1,
        'shop.contoso.com:443',
        '1A1F948B21A2993677A88EB23F428C7E47E3D133',
        'WebHosting',
        [],
      ],
      ['Shop & Co', '10.0.0.5:8443:', null, '10.0.0.5:8443', null, null, []],
      ['Shop & Co', '[::1]:4443:', 0, '[::1]:4443', null, null, []],
    ],
  );
  assert.ok(b.every((x) => x.source === 'config' && x.appId === null));
});

t('malformed values are warnings, the rest is kept', () => {
  const xml = `<configuration><system.applicationHost><customMetadata>
  <key path="LM/W3SVC/3"><property id="x" value="1"/><property id="5506" value="not base64!"/><property id="5506" value=""/></key>
  <key><property id="1" value="a"/></key>
  </customMetadata><sites><site name="s" id="3"><bindings>
  <binding protocol="https" bindingInformation="garbage" sslFlags="abc" certificateHash="zz"/>
  <binding protocol="https" bindingInformation="*:443:" certificateHash="ABCD"/>
  </bindings></site></sites></system.applicationHost></configuration>`;
  const rows = parseAppHostConfig(xml, 'x.config');
  assert.equal(
    rows.metadata.map((m) => [m.propertyId, m.decoded]),
    [
      [5506, null],
      [5506, null],
    ],
  );
  assert.is(rows.warnings.length, 6);
  assert.match(rows.warnings.join('\n'), /line 2: <property> with id "x"/);
  assert.match(rows.warnings.join('\n'), /line 3: <key> without a path/);
  assert.equal(
    rows.bindings.map((b) => [b.endpoint, b.sslFlags, b.problems]),
    [
      [null, null, ['bad-binding-information', 'bad-hash']],
      ['0.0.0.0:443', null, ['bad-hash-length']],
    ],
  );
});

t('hostile and broken XML: DTD, entities, mismatched tags, wrong root — one-line errors with file and line', () => {
  const laughs =
    '<?xml version="1.0"?>\n<!DOCTYPE configuration [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<configuration>&b;</configuration>';
  const e = throwsMatching(
    () => parseAppHostConfig(laughs, 'C:/x/applicationHost.config'),
    /line 2: <!DOCTYPE> refused/,
  );
  assert.instance(e, InputError);
  assert.match(
    describeError(e),
    /^C:\/x\/applicationHost\.config: line 2: <!DOCTYPE> refused.*\(applicationHost\.config must be well-formed XML without a DTD\)$/,
  );
  throwsMatching(
    () => parseAppHostConfig('<configuration>&xxe;</configuration>', 'f'),
    /line 1: unknown entity "&xxe;"/,
  );
  throwsMatching(
    () => parseAppHostConfig('<configuration>\n<sites>\n</site>\n</configuration>', 'f'),
    /line 3: mismatched end tag <\/site>/,
  );
  throwsMatching(
    () => parseAppHostConfig('<configuration><a/></configuration><configuration/>', 'f'),
    /second root element/,
  );
  throwsMatching(() => parseAppHostConfig('<html><body/></html>', 'f'), /root element <html> is not <configuration>/);
  throwsMatching(() => parseAppHostConfig('<configuration><sites>', 'f'), /not closed/);
  throwsMatching(() => parseAppHostConfig('', 'f'), /no root element/);
});

t('a large file with many sites and comments parses in one pass', () => {
  const sites = Array.from(
    { length: 20_000 },
    (_, i) =>
      `<!-- site ${i} --><site name="site${i}" id="${i + 10}"><bindings><binding protocol="https" bindingInformation="*:443:h${i}.contoso.com" sslFlags="1" /></bindings></site>`,
  ).join('\n');
  const keys = Array.from(
    { length: 5_000 },
    (_, i) =>
      `<key path="LM/W3SVC/${i + 10}"><property id="5506" dataType="Binary" userType="1" attributes="None" value="oXiHOzFAMOF0YxIuI7soWvDFEzg=" /></key>`,
  ).join('\n');
  const xml = `<configuration><system.applicationHost><customMetadata>${keys}</customMetadata><sites>${sites}</sites></system.applicationHost></configuration>`;
  assert.ok(xml.length > 3_000_000);
  const rows = parseAppHostConfig(xml, 'big.config');
  assert.is(rows.bindings.length, 20_000);
  assert.is(rows.metadata.length, 5_000);
  assert.is(rows.bindings[19_999]!.endpoint, 'h19999.contoso.com:443');
});

t.run();
