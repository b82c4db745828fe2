import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  baseName,
  bindingInformationEndpoints,
  decodeEncodedCommand,
  firstToken,
  normaliseEndpoint,
  parseNetshSsl,
  sslBindingPaths,
  webBindingParamEndpoints,
} from '../../../src/correlate/diagnosis/command-line.js';

const t = suite('correlate/diagnosis/command-line');
const enc = (s: string): string => Buffer.from(s, 'utf16le').toString('base64');

t('base names of local, quoted, UNC and forward-slash paths, any case', () => {
  assert.is(baseName('C:\\Windows\\System32\\NETSH.EXE'), 'netsh.exe');
  assert.is(
    baseName('"C:\\Program Files\\Microsoft SQL Server Reporting Services\\Shared Tools\\RSConfigTool.exe"'),
    'rsconfigtool.exe',
  );
  assert.is(baseName('\\\\fileserver\\tools$\\win-acme\\wacs.exe'), 'wacs.exe');
  assert.is(baseName('C:/tools/pwsh.exe'), 'pwsh.exe');
  assert.is(baseName(null), '');
  assert.is(
    firstToken('"C:\\Program Files\\PowerShell\\7\\pwsh.exe" -NoProfile'),
    'C:\\Program Files\\PowerShell\\7\\pwsh.exe',
  );
  assert.is(firstToken('  netsh http show sslcert'), 'netsh');
  assert.is(firstToken('"unterminated'), 'unterminated');
  assert.is(normaliseEndpoint('"WWW.Contoso.COM:443"'), 'www.contoso.com:443');
  assert.is(normaliseEndpoint('ccs=443'), 'ccs:443');
});

t('netsh http … sslcert: verb and endpoints of every key form', () => {
  assert.equal(parseNetshSsl('netsh http delete sslcert ipport=0.0.0.0:443'), {
    verb: 'delete',
    endpoints: ['0.0.0.0:443'],
  });
  assert.equal(parseNetshSsl('C:\\Windows\\system32\\netsh.exe  HTTP DELETE SSLCERT IPPORT="10.1.2.3:8443"'), {
    verb: 'delete',
    endpoints: ['10.1.2.3:8443'],
  });
  assert.equal(parseNetshSsl('netsh http delete sslcert hostnameport=Shop.Contoso.com:443'), {
    verb: 'delete',
    endpoints: ['shop.contoso.com:443'],
  });
  assert.equal(parseNetshSsl('netsh http delete sslcert ccs=443'), { verb: 'delete', endpoints: ['ccs:443'] });
  assert.equal(parseNetshSsl('netsh http delete sslcert ipport=[::]:443'), { verb: 'delete', endpoints: ['[::]:443'] });
  assert.equal(
    parseNetshSsl(
      'netsh http add sslcert ipport=0.0.0.0:443 certhash=ab12 appid={4dc3e181-e14b-4a21-b022-59fc669b0914}',
    )?.verb,
    'add',
  );
  assert.equal(parseNetshSsl('netsh http update sslcert hostnameport=a.example:443 certhash=ab')?.endpoints, [
    'a.example:443',
  ]);
  assert.equal(
    parseNetshSsl('cmd /c "netsh http delete sslcert ipport=0.0.0.0:443 & netsh http add sslcert ipport=0.0.0.0:8443"'),
    { verb: 'delete', endpoints: ['0.0.0.0:443'] },
  );
  assert.equal(parseNetshSsl('netsh http delete sslcert'), { verb: 'delete', endpoints: [] });
  assert.is(parseNetshSsl('netsh advfirewall firewall delete rule name=x'), null);
  assert.is(parseNetshSsl('netsh http delete urlacl url=https://+:443/'), null);
  assert.is(parseNetshSsl(''), null);
});

t('a huge command line is capped, not scanned to its end', () => {
  const huge = `netsh http show sslcert ${'A'.repeat(200_000)} netsh http delete sslcert ipport=0.0.0.0:443`;
  const started = Date.now();
  assert.equal(parseNetshSsl(huge)?.verb, 'show');
  assert.ok(Date.now() - started < 1000);
  assert.is(parseNetshSsl(`${'x '.repeat(40_000)}netsh http delete sslcert ipport=0.0.0.0:443`), null);
});

t('-EncodedCommand: every prefix decodes; garbage, odd lengths and binary are refused', () => {
  const script = "Remove-Item 'IIS:\\SslBindings\\0.0.0.0!443'";
  assert.is(decodeEncodedCommand(`powershell.exe -NoP -NonI -EncodedCommand ${enc(script)}`), script);
  assert.is(decodeEncodedCommand(`powershell -enc ${enc(script)}`), script);
  assert.is(decodeEncodedCommand(`powershell -e ${enc(script)}`), script);
  assert.is(decodeEncodedCommand(`powershell /ec ${enc(script)}`), script);
  assert.is(decodeEncodedCommand(`pwsh -ENCODEDCOMMAND "${enc(script)}"`), script);
  assert.is(decodeEncodedCommand('powershell -Command Get-Date'), null);
  assert.is(decodeEncodedCommand('powershell -enc !!!notbase64!!!'), undefined);
  assert.is(
    decodeEncodedCommand(`powershell -enc ${Buffer.from('netsh http delete sslcert', 'latin1').toString('base64')}`),
    undefined,
  );
  assert.is(
    decodeEncodedCommand(
      `powershell -enc ${Buffer.from([0xff, 0xd8, 0x00, 0x01, 0x9c, 0x12, 0x7f, 0x80]).toString('base64')}`,
    ),
    undefined,
  );
  assert.is(decodeEncodedCommand(`powershell -enc ${'QUFB'.repeat(20_000)}`), undefined);
  assert.is(decodeEncodedCommand('powershell -enc QQ'), undefined);
});

t('IIS:\\SslBindings paths, appcmd bindingInformation and *-WebBinding parameters', () => {
  assert.equal(sslBindingPaths('Remove-Item -Path IIS:\\SslBindings\\0.0.0.0!443'), ['0.0.0.0:443']);
  assert.equal(sslBindingPaths('Get-Item IIS:\\SslBindings\\!443!Shop.Contoso.com | Remove-Item'), [
    'shop.contoso.com:443',
  ]);
  assert.equal(sslBindingPaths('dir IIS:\\SslBindings\\*!8443'), ['0.0.0.0:8443']);
  assert.equal(
    bindingInformationEndpoints(
      "appcmd set site /site.name:\"Default Web Site\" /-bindings.[protocol='https',bindingInformation='*:443:']",
    ),
    ['0.0.0.0:443'],
  );
  assert.equal(
    bindingInformationEndpoints("/-bindings.[protocol='https',bindingInformation='10.0.0.5:443:www.contoso.com']"),
    ['10.0.0.5:443', 'www.contoso.com:443'],
  );
  assert.equal(
    webBindingParamEndpoints(
      'Remove-WebBinding -Name "Default Web Site" -Protocol https -Port 443 -IPAddress * -HostHeader WWW.contoso.com',
    ),
    ['0.0.0.0:443', 'www.contoso.com:443'],
  );
  assert.equal(webBindingParamEndpoints('Remove-WebBinding -Name x -Port notaport'), []);
});

t.run();
