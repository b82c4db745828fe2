/** `synth`: a valid, deterministic, varied log of exactly N events; bad arguments are usage errors. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSynth } from '../../src/cli/commands/synth.js';
import { UsageError } from '../../src/errors.js';
import { readEvtx } from '../../src/evtx/index.js';

const s = suite('synth');
const dir = mkdtempSync(join(tmpdir(), 'bindtrail-synth-'));

s('writes N events the reader reads back strictly, with many providers and templates', async () => {
  const out = join(dir, 'a.evtx');
  await runSynth({ events: '4000', out, seed: 'test' });
  const providers = new Set<string>();
  const ids = new Set<string>();
  const channels = new Set<string>();
  let n = 0;
  let last = 0n;
  for await (const it of readEvtx(out, { strict: true })) {
    assert.is(it.kind, 'record');
    if (it.kind !== 'record') continue;
    const e = it.event();
    n++;
    assert.is(it.recordId, BigInt(n));
    assert.ok(e.timeCreated! > last, 'time increases');
    last = e.timeCreated!;
    providers.add(e.provider!);
    ids.add(`${e.provider}/${e.eventId}`);
    channels.add(e.channel!);
  }
  assert.is(n, 4000);
  assert.ok(providers.size >= 15, `${providers.size} providers`);
  assert.ok(ids.size >= 100, `${ids.size} distinct events`);
  assert.equal([...channels].sort(), ['Security', 'System']);
});

s('the same seed gives the same bytes; another seed does not', async () => {
  const [a, b, c] = ['a2', 'b2', 'c2'].map((f) => join(dir, `${f}.evtx`));
  await runSynth({ events: '1500', out: a!, seed: 'x' });
  await runSynth({ events: '1500', out: b!, seed: 'x' });
  await runSynth({ events: '1500', out: c!, seed: 'y' });
  assert.ok(readFileSync(a!).equals(readFileSync(b!)));
  assert.not.ok(readFileSync(a!).equals(readFileSync(c!)));
});

s('--host names the computer of every event; a name that is no host name is a usage error', async () => {
  const out = join(dir, 'h.evtx');
  await runSynth({ events: '300', out, seed: 'h', host: 'WEB02.fabrikam.local' });
  const hosts = new Set<string>();
  for await (const it of readEvtx(out)) if (it.kind === 'record') hosts.add(it.event().computer ?? '');
  assert.equal([...hosts], ['WEB02.fabrikam.local']);
  for (const host of ['', 'a b', '../x', '-x']) {
    try {
      await runSynth({ events: '10', out, seed: 'h', host });
      assert.unreachable(`host ${JSON.stringify(host)} accepted`);
    } catch (e) {
      assert.instance(e, UsageError);
    }
  }
});

s('bad --events is a usage error', async () => {
  for (const events of ['0', '-3', 'many', '1.5']) {
    const e = await runSynth({ events, out: join(dir, 'x.evtx'), seed: 's' }).then(
      () => null,
      (err: unknown) => err,
    );
    assert.ok(e instanceof UsageError, `--events ${events}`);
  }
});

s.after(() => rmSync(dir, { recursive: true, force: true }));
s.run();
