import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  levelFromText,
  SERVICE_STATE_NAMES,
  serviceStateFromBinary,
  serviceStateFromText,
} from '../../src/knowledge/localized-event-text.js';

const t = suite('knowledge/localized-event-text');

t('7036 state names in English, German, French and Spanish', () => {
  assert.equal(serviceStateFromText('running'), { state: 'running', code: 4, lang: 'en', verified: true });
  assert.is(serviceStateFromText('Wird ausgeführt')!.code, 4);
  assert.is(serviceStateFromText('"wird ausgeführt".')!.code, 4);
  assert.is(serviceStateFromText('Beendet')!.code, 1);
  assert.is(serviceStateFromText("en cours d'exécution")!.code, 4);
  assert.is(serviceStateFromText('arrêté')!.code, 1);
  assert.is(serviceStateFromText('en ejecución')!.state, 'running');
  assert.is(serviceStateFromText('detenido')!.state, 'stopped');
  assert.is(serviceStateFromText('e\u0301tat inconnu'), null);
  assert.is(serviceStateFromText(null), null);
  // decomposed é (NFD) folds to the same entry
  assert.is(serviceStateFromText('arre\u0302te\u0301')!.code, 1);
  assert.ok(SERVICE_STATE_NAMES.some((n) => !n.verified));
});

t('Level names → numbers', () => {
  assert.is(levelFromText('Informationen'), 4);
  assert.is(levelFromText('Avertissement'), 3);
  assert.is(levelFromText('Error'), 2);
  assert.is(levelFromText('Crítico'), 1);
  assert.is(levelFromText('Ausführlich'), 5);
  assert.is(levelFromText('Quatsch'), null);
});

t('7036 Binary text', () => {
  assert.equal(serviceStateFromBinary('IISADMIN/4'), { service: 'IISADMIN', code: 4 });
  assert.equal(serviceStateFromBinary('CryptSvc/1\0\0'), { service: 'CryptSvc', code: 1 });
  assert.is(serviceStateFromBinary('no slash'), null);
});

t.run();
