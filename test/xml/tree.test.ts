import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Readable } from 'node:stream';
import {
  childElements,
  decodeText,
  firstChild,
  parseXmlBytes,
  sniffEncoding,
  textContent,
  xmlElements,
  xmlElementsFromChunks,
} from '../../src/xml/index.js';

const t = suite('xml/tree');

const EXPORT = `<Events>
<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID Qualifiers='32768'>15300</EventID><Computer>web01</Computer></System><EventData><Data Name='DeviceObject'>\\Device\\Http\\ReqQueue</Data><Data Name='EndPoint'>0.0.0.0:443</Data></EventData><RenderingInfo Culture='en-US'><Message>SSL Certificate Settings deleted for Port : 0.0.0.0:443 .</Message></RenderingInfo></Event>
<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID>7036</EventID><Computer>web01</Computer></System><EventData><Data Name='param1'>IIS Admin Service</Data><Binary>490049005300</Binary></EventData></Event>
</Events>`;

t('matched subtrees become element trees', () => {
  const events = [...xmlElements(EXPORT, (name) => name === 'Event')];
  assert.equal(events.length, 2);
  const sys = firstChild(events[0]!, 'System')!;
  assert.equal(textContent(firstChild(sys, 'EventID')!), '15300');
  assert.equal(firstChild(sys, 'EventID')!.attrs.Qualifiers, '32768');
  const data = childElements(firstChild(events[0]!, 'EventData')!, 'Data');
  assert.equal(
    data.map((d) => [d.attrs.Name, textContent(d)]),
    [
      ['DeviceObject', '\\Device\\Http\\ReqQueue'],
      ['EndPoint', '0.0.0.0:443'],
    ],
  );
  assert.equal(
    textContent(firstChild(firstChild(events[0]!, 'RenderingInfo')!, 'Message')!),
    'SSL Certificate Settings deleted for Port : 0.0.0.0:443 .',
  );
  // Without the <Events> wrapper: the same elements.
  const bare = EXPORT.replace('<Events>', '').replace('</Events>', '');
  assert.equal(
    [...xmlElements(bare)].map((e) => e.name),
    ['Event', 'Event'],
  );
});

t('streaming over UTF-16LE bytes with a BOM in small chunks', async () => {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EXPORT, 'utf16le')]);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 37) chunks.push(bytes.subarray(i, i + 37));
  const got = [];
  for await (const el of xmlElementsFromChunks(Readable.from(chunks), (n) => n === 'Event')) got.push(el);
  assert.equal(got.length, 2);
  assert.equal(textContent(firstChild(firstChild(got[1]!, 'System')!, 'Computer')!), 'web01');
  assert.equal(JSON.stringify(got), JSON.stringify([...xmlElements(EXPORT, (n) => n === 'Event')]));
});

t('byte decoding: BOMs and BOM-less UTF-16', () => {
  assert.equal(sniffEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x3c])), { encoding: 'utf-8', bomLength: 3 });
  assert.equal(sniffEncoding(Buffer.from('<a', 'utf16le')), { encoding: 'utf-16le', bomLength: 0 });
  assert.equal(sniffEncoding(Buffer.from([0xfe, 0xff, 0, 0x3c])), { encoding: 'utf-16be', bomLength: 2 });
  assert.equal(decodeText(Buffer.from([0xff, 0xfe, 0x41, 0, 0x42, 0])), 'AB');
  assert.equal(parseXmlBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<a>é</a>')]))[0]!.children, [
    'é',
  ]);
});

t.run();
