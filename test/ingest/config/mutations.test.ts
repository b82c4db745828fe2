import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../../../src/errors.js';
import { detectConfigKind, parseConfigArtefact, CONFIG_KINDS } from '../../../src/ingest/config/index.js';
import { XmlError, xmlEvents } from '../../../src/xml/index.js';
import { fixture } from './fixture.js';

const t = suite('ingest/config/mutations');

/** Deterministic PRNG (mulberry32) so a failure reproduces. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = '<>/="\'&;:#x![]-?\\\r\n \t0aZ,{}\uFEFF\u0000';

function mutate(text: string, r: () => number): string {
  let s = text;
  const n = 1 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(r() * s.length);
    const op = Math.floor(r() * 4);
    if (op === 0) s = s.slice(0, at);
    else if (op === 1) s = s.slice(0, at) + ALPHABET[Math.floor(r() * ALPHABET.length)] + s.slice(at + 1);
    else if (op === 2) s = s.slice(0, at) + s.slice(at + Math.floor(r() * 50));
    else s = s.slice(0, at) + s.slice(Math.floor(r() * s.length)).slice(0, 200) + s.slice(at);
  }
  return s;
}

t('mutated artefacts parse or fail with an InputError naming the file — nothing else escapes', () => {
  const r = rng(20240502);
  const names = [
    'applicationHost.config',
    'netsh-http-show-sslcert.txt',
    'SslBindingInfo.reg',
    'certutil-store-my.txt',
    'netsh-http-show-iplisten.txt',
    'SchannelProtocols.reg',
    'netsh-http-show-sslcert-de.txt',
    'certutil-verifystore-usage.txt',
  ];
  let failures = 0;
  for (const name of names) {
    const { text } = fixture(name);
    for (let i = 0; i < 400; i++) {
      const m = mutate(text, r);
      for (const kind of CONFIG_KINDS) {
        try {
          const rows = parseConfigArtefact(kind, m, name);
          assert.is(rows.kind, kind);
        } catch (e) {
          if (!(e instanceof InputError) || e.file !== name || e.message.includes('\n'))
            throw new Error(`${name} #${i} as ${kind}: ${String(e)}`);
          failures++;
        }
      }
      detectConfigKind(m);
    }
  }
  assert.ok(failures > 0);
});

t('mutated XML gives events or an XmlError with a position', () => {
  const r = rng(7);
  const { text } = fixture('applicationHost.config');
  for (let i = 0; i < 1500; i++) {
    const m = mutate(text, r);
    try {
      for (const _ of xmlEvents(m)) void _;
    } catch (e) {
      if (!(e instanceof XmlError) || e.line < 1 || e.column < 1) throw new Error(`#${i}: ${String(e)}`);
    }
  }
});

t.run();
