/**
 * 7036 from localized Event Viewer exports: the Binary `IISADMIN/4` is the language-independent key;
 * where only the rendered text is there, the state names of src/knowledge/localized-event-text.ts.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { correlateEvents } from '../../src/correlate/correlate.js';
import { binding, type Ev, FixtureDb } from '../correlate/fixture-db.js';

const t = suite('store/service-states');

const utf16Hex = (s: string): string =>
  [...Buffer.from(`${s}\0`, 'utf16le')]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();

function scm(ts: string, param1: string, param2: string, binary?: string): Ev {
  return {
    ts,
    provider: 'Service Control Manager',
    eventId: 7036,
    data: binary === undefined ? { param1, param2 } : { param1, param2, Binary: utf16Hex(binary) },
    params: [param1, param2],
  };
}

t('state codes from German, French and Spanish state text when there is no Binary', async () => {
  const f = await FixtureDb.open();
  try {
    await f.events(await f.file('System.xml', 'xml'), [
      scm('2024-03-16 10:00:00', 'IIS-Verwaltungsdienst', 'Ausgeführt'),
      scm('2024-03-16 10:00:01', 'IIS-Verwaltungsdienst', 'Beendet'),
      scm('2024-03-16 10:00:02', 'Service de publication World Wide Web', "en cours d'exécution"),
      scm('2024-03-16 10:00:03', 'Servicio de publicación World Wide Web', 'detenido'),
      scm('2024-03-16 10:00:04', 'IIS Admin Service', 'continue pending'),
    ]);
    const r = await f.conn.runAndReadAll('SELECT state_code FROM service_changes ORDER BY ts');
    assert.equal(
      r.getRowObjectsJson().map((x) => x.state_code),
      [4, 1, 4, 1, 5],
    );
  } finally {
    f.close();
  }
});

t('a German 7036 whose Binary is IISADMIN/4 is an ABO trigger: the same finding as English', async () => {
  const f = await FixtureDb.open();
  try {
    await f.events(await f.file('System.xml', 'xml'), [
      scm('2024-03-16 10:21:47.01', 'IIS-Verwaltungsdienst', 'Ausgeführt', 'IISADMIN/4'),
      binding('2024-03-16 10:21:49.21', 15300, '0.0.0.0:443'),
    ]);
    const found = await correlateEvents(f.conn);
    assert.equal(
      found.map((x) => [x.kind, x.trigger]),
      [['abo-binding-deleted', 'IISADMIN service entered running (7036)']],
    );
  } finally {
    f.close();
  }
});

t.run();
