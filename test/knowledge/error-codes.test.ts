import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ERROR_CODES, lookupErrorCode } from '../../src/knowledge/error-codes.js';

const kb = suite('knowledge/error-codes');

kb('looks codes up in any case and width', () => {
  assert.is(lookupErrorCode('0x8009030d')?.name, 'SEC_E_UNKNOWN_CREDENTIALS');
  assert.is(lookupErrorCode(0x80090016)?.name, 'NTE_BAD_KEYSET');
  assert.is(lookupErrorCode('2148081668')?.name, 'CRYPT_E_NOT_FOUND');
  assert.is(lookupErrorCode('0x1'), undefined);
  assert.is(lookupErrorCode(null), undefined);
});

kb('every entry has a normalised code, causes and remedies', () => {
  for (const e of ERROR_CODES) {
    assert.match(e.code, /^0x[0-9A-F]{8}$/);
    assert.ok(e.causes.length > 0, e.code);
    for (const c of e.causes) assert.ok(c.remedies.length > 0, `${e.code} ${c.id}`);
  }
  assert.is(new Set(ERROR_CODES.map((e) => e.code)).size, ERROR_CODES.length);
});

kb.run();
