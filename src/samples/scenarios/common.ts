/** Building blocks shared by the scenario definitions (plain data). */
import { thumbprintBase64 } from '../artefacts/application-host.js';
import type { Certificate, CustomMetadataProperty, SiteDef } from '../types.js';

export const CONTOSO_ADMIN = { user: 'jdoe', domain: 'CONTOSO', sid: 'S-1-5-21-3623811015-3361044348-30300820-1013' };
export const LITWARE_ADMIN = {
  user: 'mmueller',
  domain: 'LITWARE',
  sid: 'S-1-5-21-2718281828-1414213562-1732050807-1119',
};
export const FABRIKAM_ADMIN = {
  user: 'mvisser',
  domain: 'FABRIKAM',
  sid: 'S-1-5-21-1004336348-1177238915-682003330-1108',
};

export const BOOT_2008R2 = [
  'Dnscache',
  'gpsvc',
  'W32Time',
  'RemoteRegistry',
  'WAS',
  'IISADMIN',
  'W3SVC',
  'WMSVC',
  'TermService',
  'WinRM',
  'Netlogon',
];
export const BOOT_2012R2_DP = [
  'Dnscache',
  'gpsvc',
  'W32Time',
  'WAS',
  'IISADMIN',
  'W3SVC',
  'TermService',
  'WinRM',
  'Netlogon',
  'MSSQL$SQLEXPRESS',
  'SMS_SITE_COMPONENT_MANAGER',
  'SMS_EXECUTIVE',
];
export const BOOT_MODERN = [
  'Dnscache',
  'gpsvc',
  'W32Time',
  'WinDefend',
  'WAS',
  'W3SVC',
  'WMSVC',
  'TermService',
  'WinRM',
  'UsoSvc',
];
export const BOOT_2022 = [
  'Dnscache',
  'gpsvc',
  'W32Time',
  'WinDefend',
  'WAS',
  'W3SVC',
  'WMSVC',
  'TermService',
  'WinRM',
  'UsoSvc',
];
export const BOOT_SSRS = [
  'Dnscache',
  'gpsvc',
  'W32Time',
  'WinDefend',
  'MSSQLSERVER',
  'SQLServerReportingServices',
  'WAS',
  'W3SVC',
  'TermService',
  'WinRM',
  'UsoSvc',
];
export const BOOT_WIN11 = ['Dnscache', 'gpsvc', 'W32Time', 'WinDefend', 'FDResPub', 'UsoSvc'];
export const BOOT_MODERN_IIS6 = [
  'Dnscache',
  'gpsvc',
  'W32Time',
  'WinDefend',
  'WAS',
  'IISADMIN',
  'W3SVC',
  'WMSVC',
  'TermService',
  'WinRM',
  'UsoSvc',
];

/** What IIS 6 Management Compatibility writes on a fresh install: harmless legacy ids 4012 and 2120. */
export const DEFAULT_METADATA = {
  path: 'LM/W3SVC/INFO',
  properties: [
    {
      id: 4012,
      dataType: 'String',
      userType: 1,
      attributes: 'Inherit',
      value: 'NCSA Common Log File Format,Microsoft IIS Log File Format,W3C Extended Log File Format,ODBC Logging',
    },
    { id: 2120, dataType: 'MultiSZ', userType: 1, attributes: 'None', value: '400,0,,,0\n' },
  ] satisfies CustomMetadataProperty[],
};

/** customMetadata key with the legacy SSL certificate hash (5506, base64 of the thumbprint; KB 2025598). */
export function legacyHashKey(
  path: string,
  thumbprint: string,
): { path: string; properties: CustomMetadataProperty[] } {
  return {
    path,
    properties: [
      { id: 5506, dataType: 'Binary', userType: 1, attributes: 'None', value: thumbprintBase64(thumbprint) },
    ],
  };
}

export function defaultSite(extraHttps = true): SiteDef {
  return {
    id: 1,
    name: 'Default Web Site',
    path: '%SystemDrive%\\inetpub\\wwwroot',
    bindings: [
      { protocol: 'http', info: '*:80:' },
      ...(extraHttps ? [{ protocol: 'https' as const, info: '*:443:', sslFlags: 0 }] : []),
    ],
  };
}

/** A CA-issued web server certificate with its key in the machine store. */
export function webCert(
  thumbprint: string,
  cn: string,
  notBefore: string,
  notAfter: string,
  over: Partial<Certificate> = {},
): Certificate {
  return {
    thumbprint,
    subject: `CN=${cn}, OU=IT, O=Contoso Ltd, L=Redmond, S=Washington, C=US`,
    issuer: 'CN=Contoso Issuing CA 01, DC=contoso, DC=local',
    serial: `6b0000${thumbprint.slice(0, 26).toLowerCase()}`,
    notBefore,
    notAfter,
    friendlyName: `${cn} ${notBefore.slice(0, 4)}`,
    key: 'present',
    keySpec: 1,
    exportable: true,
    provider: 'Microsoft RSA SChannel Cryptographic Provider',
    container: `te-WebServer-${thumbprint.slice(0, 8).toLowerCase()}-4f1c-9a2e-${thumbprint.slice(8, 20).toLowerCase()}`,
    ...over,
  };
}

/** The self-signed certificate Web Management Service creates for port 8172. */
export function wmsvcCert(thumbprint: string, host: string, notBefore: string, notAfter: string): Certificate {
  const cn = `WMSvc-SHA2-${host}`;
  return {
    thumbprint,
    subject: `CN=${cn}`,
    issuer: `CN=${cn}`,
    serial: thumbprint.slice(20).toLowerCase(),
    notBefore,
    notAfter,
    key: 'present',
    keySpec: 1,
    exportable: true,
    provider: 'Microsoft RSA SChannel Cryptographic Provider',
    container: `{${thumbprint.slice(0, 8)}-${thumbprint.slice(8, 12)}-4A0B-9C3D-${thumbprint.slice(12, 24)}}`,
    selfSigned: true,
  };
}

/** A Let's Encrypt certificate as win-acme installs it (90 days, key in the machine store). */
export function acmeCert(thumbprint: string, cn: string, notBefore: string, notAfter: string): Certificate {
  return webCert(thumbprint, cn, notBefore, notAfter, {
    subject: `CN=${cn}`,
    issuer: "CN=R11, O=Let's Encrypt, C=US",
    serial: `04${thumbprint.slice(4, 36).toLowerCase()}`,
    friendlyName: `[Manual] ${cn} @ ${notBefore.slice(0, 10).replace(/-/g, '/')}`,
    provider: 'Microsoft Enhanced RSA and AES Cryptographic Provider',
    container: `${thumbprint.slice(0, 8).toLowerCase()}-wacs-${thumbprint.slice(8, 20).toLowerCase()}`,
  });
}
