import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { KnowledgeError } from '../../src/knowledge/errors.js';
import { fillTemplate, placeholdersOf } from '../../src/knowledge/template.js';

const t = suite('knowledge/template');
const at = { file: 'data/x.json', entry: 'remedies[1]' };

t('fills named values; lists join with a comma', () => {
  assert.is(
    fillTemplate(
      'Re-create {endpoints} with {thumbprint}.',
      { endpoints: ['0.0.0.0:443', 'www:443'], thumbprint: 'A1B2' },
      at,
    ),
    'Re-create 0.0.0.0:443, www:443 with A1B2.',
  );
  assert.is(fillTemplate('{n} key(s)', { n: 3 }, at), '3 key(s)');
  assert.is(fillTemplate('value="{value}"', { value: '' }, at), 'value=""');
});

t('a fallback stands in for an absent value', () => {
  assert.is(fillTemplate('key: {code|unknown code}', { code: null }, at), 'key: unknown code');
  assert.is(fillTemplate('key: {code|unknown code}', { code: '0x1' }, at), 'key: 0x1');
});

t('[[ ]] is left out when a value it names is absent', () => {
  const tpl = 'the binding[[ of {endpoints}]] with[[ {name}]] it';
  assert.is(fillTemplate(tpl, { endpoints: [], name: null }, at), 'the binding with it');
  assert.is(fillTemplate(tpl, { endpoints: ['a:443'], name: 'N' }, at), 'the binding of a:443 with N it');
  assert.is(fillTemplate('[[Give {t} its key back.]]', { t: undefined }, at), '');
});

t('braces not followed by a name are text', () => {
  const tpl = "appid={…} appid={<GUID, e.g. IIS's {4dc3e181-e14b-4a21-b022-59fc669b0914}>} ipport=<IP:port>";
  assert.equal(placeholdersOf(tpl, at), []);
  assert.is(fillTemplate(tpl, {}, at), tpl);
});

t('a value the code did not give, or an absent required value, throws naming file and entry', () => {
  const err = (f: () => unknown): KnowledgeError => {
    try {
      f();
    } catch (e) {
      assert.instance(e, KnowledgeError);
      return e as KnowledgeError;
    }
    throw new Error('expected a KnowledgeError');
  };
  const unknown = err(() => fillTemplate('bind {endpoint} to {thumbprint}', { endpoint: 'a:443' }, at));
  assert.match(unknown.message, 'data/x.json: remedies[1]: no value named {thumbprint}');
  assert.is(unknown.file, 'data/x.json');
  assert.is(unknown.entry, 'remedies[1]');
  assert.match(err(() => fillTemplate('bind {endpoint}', { endpoint: null }, at)).message, '{endpoint} has no value');
  assert.match(err(() => fillTemplate('bind {endpoint}', { endpoint: [] }, at)).message, '{endpoint} has no value');
  assert.match(err(() => placeholdersOf('[[a [[{b}]]]]', at)).message, 'nested "[["');
  assert.match(err(() => placeholdersOf('a {b}]]', at)).message, '"]]" without "[["');
  assert.match(err(() => placeholdersOf('[[a {b}', at)).message, '"[[" without "]]"');
  assert.match(err(() => placeholdersOf('a[[ text only]]', at)).message, 'names no value');
});

t.run();
