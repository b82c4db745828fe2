/**
 * applicationHost.config as IIS writes it (UTF-8 with BOM, CRLF): application pools, the
 * `<customMetadata>` keys the ABO mapper reads (KB 2025598), sites with their bindings.
 * Trimmed to the sections a responder needs; attribute order and spelling follow IIS.
 */
import type { Artefacts } from '../types.js';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/\n/g, '&#xA;');

export function applicationHostConfig(a: Artefacts): string {
  const L: string[] = [];
  L.push('<?xml version="1.0" encoding="UTF-8"?>');
  L.push('<!--');
  L.push('');
  L.push('    IIS configuration sections.');
  L.push('');
  L.push('    For schema documentation, see');
  L.push('    %windir%\\system32\\inetsrv\\config\\schema\\IIS_schema.xml.');
  L.push('    ');
  L.push('    Please make a backup of this file before making any changes to it.');
  L.push('');
  L.push('-->');
  L.push('');
  L.push('<configuration>');
  L.push('');
  L.push('    <configSections>');
  L.push('        <sectionGroup name="system.applicationHost">');
  for (const s of [
    'applicationPools',
    'configHistory',
    'customMetadata',
    'listenerAdapters',
    'log',
    'sites',
    'webLimits',
  ]) {
    L.push(`            <section name="${s}" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />`);
  }
  L.push('        </sectionGroup>');
  L.push('    </configSections>');
  L.push('');
  L.push('    <system.applicationHost>');
  L.push('');
  L.push('        <applicationPools>');
  L.push('            <add name="DefaultAppPool" />');
  for (const site of a.sites.filter((s) => s.id !== 1))
    L.push(`            <add name="${esc(site.name)}" managedRuntimeVersion="v4.0" />`);
  L.push('            <applicationPoolDefaults managedRuntimeVersion="v4.0">');
  L.push('                <processModel identityType="ApplicationPoolIdentity" />');
  L.push('            </applicationPoolDefaults>');
  L.push('        </applicationPools>');
  L.push('');
  if (a.customMetadata.length > 0) {
    L.push('        <customMetadata>');
    for (const k of a.customMetadata) {
      L.push(`            <key path="${esc(k.path)}">`);
      for (const p of k.properties) {
        L.push(
          `                <property id="${p.id}" dataType="${p.dataType}" userType="${p.userType}" attributes="${p.attributes}" value="${esc(p.value)}" />`,
        );
      }
      L.push('            </key>');
    }
    L.push('        </customMetadata>');
    L.push('');
  }
  L.push('        <listenerAdapters>');
  L.push('            <add name="http" />');
  L.push('        </listenerAdapters>');
  L.push('');
  L.push('        <log>');
  L.push('            <centralBinaryLogFile enabled="true" directory="%SystemDrive%\\inetpub\\logs\\LogFiles" />');
  L.push('            <centralW3CLogFile enabled="true" directory="%SystemDrive%\\inetpub\\logs\\LogFiles" />');
  L.push('        </log>');
  L.push('');
  L.push('        <sites>');
  for (const s of a.sites) {
    L.push(`            <site name="${esc(s.name)}" id="${s.id}"${s.id === 1 ? '' : ' serverAutoStart="true"'}>`);
    L.push(`                <application path="/"${s.id === 1 ? '' : ` applicationPool="${esc(s.name)}"`}>`);
    L.push(`                    <virtualDirectory path="/" physicalPath="${esc(s.path)}" />`);
    L.push('                </application>');
    L.push('                <bindings>');
    for (const b of s.bindings) {
      const flags = b.protocol === 'https' ? ` sslFlags="${b.sslFlags ?? 0}"` : '';
      L.push(`                    <binding protocol="${b.protocol}" bindingInformation="${esc(b.info)}"${flags} />`);
    }
    L.push('                </bindings>');
    L.push('            </site>');
  }
  L.push('            <siteDefaults>');
  L.push('                <logFile logFormat="W3C" directory="%SystemDrive%\\inetpub\\logs\\LogFiles" />');
  L.push('                <traceFailedRequestsLogging directory="%SystemDrive%\\inetpub\\logs\\FailedReqLogFiles" />');
  L.push('            </siteDefaults>');
  L.push('            <applicationDefaults applicationPool="DefaultAppPool" />');
  L.push('            <virtualDirectoryDefaults allowSubDirConfig="true" />');
  L.push('        </sites>');
  L.push('');
  L.push('        <webLimits />');
  L.push('');
  L.push('    </system.applicationHost>');
  L.push('');
  L.push('</configuration>');
  return '\ufeff' + L.join('\r\n') + '\r\n';
}

/** base64 of a 40-hex-digit thumbprint (property 5506's value). */
export function thumbprintBase64(thumbprint: string): string {
  return Buffer.from(thumbprint, 'hex').toString('base64');
}
