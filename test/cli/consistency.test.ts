import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseDuration, paramValue } from '../../src/cli/parse-options.js';
import { matchingHosts } from '../../src/store/hosts.js';
import { closestNames } from '../../src/util/did-you-mean.js';
import { isOneLineError, runCli } from './run-cli.js';

const cli = suite('cli/consistency');

cli('queries show prints the header, the parameters and the SQL', () => {
  const r = runCli(['queries', 'show', 'ssl-binding-changes']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /^id:\s+ssl-binding-changes$/m);
  assert.match(r.stdout, /window\s*│\s*interval\s*│\s*2 minutes/);
  assert.match(r.stdout, /SELECT/);
  assert.match(r.stdout, /run it: bindtrail query ssl-binding-changes --db FILE/);
  const bad = runCli(['queries', 'show', 'ssl-binding-change']);
  assert.ok(isOneLineError(bad), bad.stderr);
  assert.match(bad.stderr, /did you mean "ssl-binding-changes"/);
});

cli('every command has --help with examples; defaults are shown', () => {
  for (const c of ['analyze', 'ingest', 'query', 'queries', 'timeline', 'report', 'export', 'dump', 'synth']) {
    const r = runCli([c, '--help']);
    assert.is(r.code, 0, `${c}: ${r.stderr}`);
    assert.match(r.stdout, /Examples:\n {2}\$ bindtrail /, c);
  }
  assert.match(runCli(['analyze', '--help']).stdout, /--window <duration>[^\n]*(\n[^\n]*)?\(default:\s+"2m"\)/);
  assert.match(runCli(['dump', '--help']).stdout, /-f, --format <format>.*\(default: "xml"\)/s);
});

cli('one duration parser: a bare number is refused, over a day warns', () => {
  const warnings: string[] = [];
  assert.is(
    parseDuration('30d', '--window', (m) => warnings.push(m)),
    '30 days',
  );
  assert.match(warnings[0]!, /--window 30d is longer than a day/);
  assert.is(
    parseDuration('1d', '--window', (m) => warnings.push(m)),
    '1 days',
  );
  assert.is(warnings.length, 1);
  assert.throws(() => parseDuration('5', '--param window'), /--param window "5" is not a duration/);
  assert.is(paramValue('2024-03-01', 'timestamp', '--param since'), '2024-03-01 00:00:00.000');
  assert.throws(() => paramValue('ten', 'integer', '--param n'), /--param n: "ten" is not a whole number/);
  assert.is(paramValue('Yes', 'boolean', '--param b'), 'true');
});

cli('hosts match by short name, FQDN and case; did you mean', () => {
  const known = ['WEB01.contoso.local', 'WEB02.contoso.local', 'web01.fabrikam.local'];
  assert.equal(matchingHosts('web02', known), ['WEB02.contoso.local']);
  assert.equal(matchingHosts('WEB02.CONTOSO.LOCAL', known), ['WEB02.contoso.local']);
  assert.equal(matchingHosts('WEB01', known), ['WEB01.contoso.local', 'web01.fabrikam.local']);
  assert.equal(matchingHosts('web01.fabrikam.local', known), ['web01.fabrikam.local']);
  assert.equal(matchingHosts('WEB03', known), []);
  assert.equal(matchingHosts('web02.fabrikam.local', known), []);
  assert.equal(matchingHosts('SQL01.contoso.local', ['sql01']), ['sql01']);
  assert.equal(closestNames('reboot', ['reboots', 'unexpected-shutdowns']), ['reboots']);
});

cli.run();
