import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  classifyLogon,
  classifyProcessStart,
  classifyServiceInstall,
  type ProcessStartInput,
} from '../../../src/correlate/diagnosis/culprit.js';

const t = suite('correlate/diagnosis/culprit');
const enc = (s: string): string => Buffer.from(s, 'utf16le').toString('base64');

function p(image: string | null, cmd: string | null, parent = 'C:\\Windows\\explorer.exe'): ProcessStartInput {
  return {
    time: '2024-05-02T09:14:03.1234567Z',
    file: 'Security.evtx',
    recordId: '4711',
    newProcessName: image,
    commandLine: cmd,
    parentProcessName: parent,
    subjectUserName: 'admin',
    subjectDomainName: 'CONTOSO',
  };
}
const kindOf = (x: ProcessStartInput): string | null => classifyProcessStart(x)?.kind ?? null;

t('SSRS Configuration Manager, netsh delete with its endpoint, netsh add/update', () => {
  const ssrs = classifyProcessStart(
    p(
      'C:\\Program Files\\Microsoft SQL Server Reporting Services\\Shared Tools\\RSConfigTool.exe',
      '"C:\\Program Files\\Microsoft SQL Server Reporting Services\\Shared Tools\\RSConfigTool.exe"',
    ),
  )!;
  assert.is(ssrs.kind, 'ssrs-config-tool');
  assert.is(ssrs.user, 'CONTOSO\\admin');
  assert.is(ssrs.abo, false);
  assert.is(ssrs.ref.recordId, '4711');
  const del = classifyProcessStart(
    p('C:\\Windows\\System32\\netsh.exe', 'netsh  http delete sslcert ipport=0.0.0.0:443'),
  )!;
  assert.equal([del.kind, del.action, del.endpoints], ['netsh-delete', 'delete', ['0.0.0.0:443']]);
  assert.ok(del.weight > ssrs.weight);
  assert.is(
    kindOf(
      p(
        'C:\\Windows\\System32\\netsh.exe',
        'netsh http add sslcert ipport=0.0.0.0:443 certhash=a1 appid={00000000-0000-0000-0000-000000000000}',
      ),
    ),
    'netsh-change',
  );
  assert.is(
    classifyProcessStart(p('C:\\Windows\\System32\\netsh.exe', 'netsh http update sslcert hostnameport=a.example:443'))!
      .action,
    'change',
  );
  assert.is(kindOf(p('C:\\Windows\\System32\\netsh.exe', 'netsh interface ipv4 show addresses')), null);
  assert.is(kindOf(p('C:\\Windows\\System32\\netsh.exe', 'netsh http show sslcert')), 'netsh-change');
  assert.is(classifyProcessStart(p('C:\\Windows\\System32\\netsh.exe', 'netsh http show sslcert'))!.action, 'unknown');
});

t('netsh inside cmd.exe and a renewal tool as parent are read', () => {
  const c = classifyProcessStart(
    p(
      'C:\\Windows\\System32\\cmd.exe',
      'cmd.exe /c netsh http delete sslcert hostnameport=shop.contoso.com:443',
      'C:\\tools\\win-acme\\wacs.exe',
    ),
  )!;
  assert.is(c.kind, 'netsh-delete');
  assert.is(c.tool, 'netsh (in cmd.exe)');
  assert.ok(c.notes.some((n) => n.includes('wacs.exe')));
});

t('PowerShell: Remove-WebBinding, IIS:\\SslBindings, Set/New-WebBinding, encoded netsh, undecodable', () => {
  const rm = classifyProcessStart(
    p(
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      'powershell.exe -Command "Remove-WebBinding -Name \'Default Web Site\' -Protocol https -Port 443 -IPAddress *"',
    ),
  )!;
  assert.equal([rm.kind, rm.action, rm.endpoints], ['powershell-binding', 'delete', ['0.0.0.0:443']]);
  const item = classifyProcessStart(
    p('C:\\Program Files\\PowerShell\\7\\pwsh.exe', 'pwsh -c "Get-Item IIS:\\SslBindings\\0.0.0.0!443 | Remove-Item"'),
  )!;
  assert.equal([item.kind, item.action, item.endpoints], ['powershell-binding', 'delete', ['0.0.0.0:443']]);
  assert.is(
    classifyProcessStart(
      p(
        'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
        'powershell Set-WebBinding -Name Shop -BindingInformation "*:443:shop" -PropertyName Port -Value 8443',
      ),
    )!.action,
    'change',
  );
  const encoded = classifyProcessStart(
    p(
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\POWERSHELL.EXE',
      `powershell -NoP -W Hidden -enc ${enc('& netsh http delete sslcert ipport=10.0.0.5:443')}`,
    ),
  )!;
  assert.equal([encoded.kind, encoded.endpoints], ['netsh-delete', ['10.0.0.5:443']]);
  assert.ok(encoded.notes.includes('-EncodedCommand decoded (UTF-16LE base64)'));
  assert.is(
    kindOf(p('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'powershell -enc %%%garbage%%%')),
    null,
  );
  assert.is(
    kindOf(p('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'powershell Get-Process')),
    null,
  );
});

t('renewal tools, Posh-ACME, Exchange cmdlets, installers, IIS Administration', () => {
  assert.is(
    kindOf(
      p(
        'C:\\tools\\win-acme\\wacs.exe',
        'wacs.exe --renew --baseuri "https://acme-v02.api.letsencrypt.org/"',
        'C:\\Windows\\System32\\svchost.exe',
      ),
    ),
    'renewal-tool',
  );
  assert.is(kindOf(p('\\\\files\\tools\\letsencrypt.exe', null)), 'renewal-tool');
  assert.is(kindOf(p('C:\\Program Files\\CertifyTheWeb\\Certify.Service.exe', '')), 'renewal-tool');
  assert.is(
    kindOf(
      p(
        'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
        'powershell -c "Import-Module Posh-ACME; Submit-Renewal -AllOrders"',
      ),
    ),
    'renewal-tool',
  );
  assert.is(
    kindOf(
      p(
        'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
        'powershell -c "Enable-ExchangeCertificate -Thumbprint 5113AE0233A72FCCB75D1D2EA57E6A3B5F7A2C14 -Services IIS -Force"',
      ),
    ),
    'exchange-cmdlet',
  );
  assert.is(
    kindOf(
      p(
        'C:\\Windows\\System32\\msiexec.exe',
        'C:\\Windows\\system32\\msiexec.exe /V',
        'C:\\Windows\\System32\\services.exe',
      ),
    ),
    'installer',
  );
  assert.is(
    kindOf(p('C:\\Windows\\servicing\\TrustedInstaller.exe', null, 'C:\\Windows\\System32\\services.exe')),
    'installer',
  );
  assert.is(
    kindOf(p('C:\\Windows\\System32\\msiexec.exe', 'msiexec /i "C:\\tmp\\IISAdministrationSetup.msi" /qn')),
    'iis-administration',
  );
});

t('appcmd (binding-related only), IIS Manager, iisreset; ABO starters flagged abo', () => {
  const a = classifyProcessStart(
    p(
      'C:\\Windows\\System32\\inetsrv\\appcmd.exe',
      "appcmd set site /site.name:\"Default Web Site\" /-bindings.[protocol='https',bindingInformation='*:443:']",
    ),
  )!;
  assert.equal([a.kind, a.action, a.endpoints], ['appcmd', 'delete', ['0.0.0.0:443']]);
  assert.is(kindOf(p('C:\\Windows\\System32\\inetsrv\\appcmd.exe', 'appcmd list apppool')), null);
  assert.is(kindOf(p('C:\\Windows\\System32\\inetsrv\\InetMgr.exe', null)), 'iis-manager');
  assert.is(kindOf(p('C:\\Windows\\System32\\iisreset.exe', 'iisreset /noforce')), 'iisreset');
  for (const x of [
    p('C:\\Windows\\System32\\inetsrv\\inetmgr6.exe', null),
    p('C:\\Windows\\System32\\cscript.exe', 'cscript.exe C:\\inetpub\\AdminScripts\\ADSUTIL.VBS ENUM W3SVC/1'),
    p('C:\\Windows\\System32\\net.exe', 'net start IISADMIN'),
    p('C:\\Windows\\System32\\sc.exe', 'sc.exe start smtpsvc'),
  ]) {
    const c = classifyProcessStart(x)!;
    assert.equal([c.kind, c.abo], ['abo-starter', true], x.commandLine ?? x.newProcessName ?? '');
  }
});

t('without NewProcessName the command line names the program; nothing at all is no candidate', () => {
  assert.is(
    kindOf(p(null, '"C:\\Windows\\System32\\netsh.exe" http delete sslcert ipport=0.0.0.0:443')),
    'netsh-delete',
  );
  assert.is(kindOf(p(null, null)), null);
  assert.is(kindOf(p('', '')), null);
  const noCmd = classifyProcessStart(p('C:\\Windows\\System32\\netsh.exe', ''));
  assert.is(noCmd, null, 'netsh without a command line says nothing about sslcert');
  const ssrs = classifyProcessStart(p('C:\\X\\RSConfigTool.exe', ''))!;
  assert.ok(ssrs.notes.includes('no command line logged: arguments unknown'));
});

t('a huge hostile command line is classified quickly and shown truncated', () => {
  // 28,000 characters: within the 32,767 Windows allows
  const cmd = `powershell -c "${'Write-Host x; '.repeat(2_000)}Remove-WebBinding -Port 443"`;
  const started = Date.now();
  const c = classifyProcessStart(p('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', cmd))!;
  assert.ok(Date.now() - started < 1000);
  assert.is(c.kind, 'powershell-binding');
  assert.ok(c.commandLine!.length <= 400);
  // beyond the cap (longer than Windows allows) the text is not read
  assert.is(
    classifyProcessStart(
      p(
        'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
        `powershell -c "${'Write-Host x; '.repeat(10_000)}Remove-WebBinding -Port 443"`,
      ),
    ),
    null,
  );
});

t('logons: RDP, console, cached, unlock; network/service logons and machine accounts are not candidates', () => {
  const base = {
    time: '2024-05-02T09:10:00Z',
    file: 'Security.evtx',
    recordId: '1',
    targetUserName: 'admin',
    targetDomainName: 'CONTOSO',
    ipAddress: '10.0.0.20',
  };
  assert.is(classifyLogon({ ...base, logonType: 10 })!.kind, 'remote-logon');
  assert.ok(classifyLogon({ ...base, logonType: '10' })!.tool.includes('from 10.0.0.20'));
  assert.is(classifyLogon({ ...base, logonType: 2 })!.kind, 'interactive-logon');
  assert.is(classifyLogon({ ...base, logonType: 11 })!.kind, 'interactive-logon');
  assert.is(classifyLogon({ ...base, logonType: 7 })!.kind, 'unlock-logon');
  assert.is(classifyLogon({ ...base, logonType: 3 }), null);
  assert.is(classifyLogon({ ...base, logonType: 5 }), null);
  assert.is(classifyLogon({ ...base, logonType: 2, targetUserName: 'WEB01$' }), null);
  assert.is(classifyLogon({ ...base, logonType: 2, targetUserName: 'DWM-1' }), null);
  assert.is(classifyLogon({ ...base, logonType: 10, targetUserName: 'SYSTEM' }), null);
  assert.is(classifyLogon({ ...base, logonType: null }), null);
});

t('service installs: ordinary, renewal service, ABO-mapper service', () => {
  const base = { time: '2024-05-02T09:10:00Z', file: 'System.evtx', recordId: '9' };
  assert.is(
    classifyServiceInstall({
      ...base,
      serviceName: 'Contoso Agent',
      imagePath: '"C:\\Program Files\\Contoso\\agent.exe" -service',
    })!.kind,
    'service-install',
  );
  const r = classifyServiceInstall({
    ...base,
    serviceName: 'win-acme renew',
    imagePath: 'C:\\tools\\wacs.exe --renew',
  })!;
  assert.ok(r.weight > classifyServiceInstall({ ...base, serviceName: 'x', imagePath: 'C:\\x.exe' })!.weight);
  const abo = classifyServiceInstall({
    ...base,
    serviceName: 'IISADMIN',
    imagePath: 'C:\\Windows\\system32\\inetsrv\\inetinfo.exe',
  })!;
  assert.equal([abo.kind, abo.abo], ['abo-starter', true]);
  assert.is(classifyServiceInstall({ ...base, serviceName: null, imagePath: null }), null);
});

t.run();
