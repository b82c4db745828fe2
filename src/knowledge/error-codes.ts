/**
 * Knowledge base of the error codes seen in Schannel 36870 / Security 5061 / IIS Manager.
 * Facts from winerror.h and the seed articles (DOMAIN.md §2); kept as data, read by the
 * correlation engine, the `error_codes` table and the reports.
 */

export interface CauseEntry {
  /** Stable id used by findings (`keyset-left-in-user-store`). */
  id: string;
  summary: string;
  /** What in the logs/artefacts points to this cause. */
  evidence: string[];
  remedies: string[];
}

export interface ErrorCodeEntry {
  code: string;                 // 0xXXXXXXXX, uppercase
  name: string;                 // winerror.h symbol
  text: string;                 // system message
  causes: CauseEntry[];
  references: string[];
}

const KB_ABO = 'https://support.microsoft.com/kb/2025598';

export const ERROR_CODES: readonly ErrorCodeEntry[] = [
  {
    code: '0x80090016',
    name: 'NTE_BAD_KEYSET',
    text: 'Keyset does not exist',
    causes: [
      {
        id: 'keyset-left-in-user-store',
        summary:
          'The certificate was moved from the Current User store to Local Machine (drag and drop in the Certificates snap-in); its private key stayed in the user profile, so the machine account cannot open it. It shows after the next reboot or IIS restart.',
        evidence: [
          'first 36870 with this code shortly after a reboot (6005/6009) or an IIS/HTTP restart',
          'Security 5061 with ReturnCode 0x80090016 naming the key container',
          'certutil shows the certificate in MY without a usable private key',
        ],
        remedies: [
          'Import the certificate (PFX with private key) directly into the Local Machine "Personal" store, or export it with its private key from the user store and import it into Local Machine instead of dragging it.',
          'Repair the key association: certutil -repairstore my <thumbprint>',
          'Re-open the site\'s https binding in IIS Manager, select the certificate again and press OK.',
        ],
      },
      {
        id: 'private-key-missing',
        summary:
          'The certificate in the Local Machine store has no private key associated with it (installed from a .cer/.crt instead of a .pfx, or the key association was lost).',
        evidence: ['certutil -store my shows the certificate without a private key', 'SSLDiag: CryptAcquireCertificatePrivateKey failed'],
        remedies: [
          'Re-associate the key: certutil -repairstore my "<thumbprint>" (works only when the key is still on the machine).',
          'Otherwise install a .pfx that contains the private key (or obtain one from the CA) and bind it.',
        ],
      },
      {
        id: 'machinekeys-permissions',
        summary:
          'The key file exists but the account HTTP.sys/LSASS uses cannot open it: permissions on %ProgramData%\\Microsoft\\Crypto\\RSA\\MachineKeys were changed.',
        evidence: ['36870 0x80090016 with no reboot or certificate move before the first failure', 'Security 5061 naming the key container'],
        remedies: [
          'Restore the MachineKeys ACLs (KB 278381): Administrators and SYSTEM Full control, Everyone special read; use procmon to find the denied key file.',
        ],
      },
    ],
    references: [
      'seed 001 (SSL stops working in IIS 7: keyset left behind by drag and drop)',
      'seed 002 (Troubleshooting SSL related issues: private key, MachineKeys, 0x8009001A)',
      'https://support.microsoft.com/kb/278381 (MachineKeys default permissions)',
    ],
  },
  {
    code: '0x8009030D',
    name: 'SEC_E_UNKNOWN_CREDENTIALS',
    text: 'The credentials supplied to the package were not recognized',
    causes: [
      {
        id: 'key-not-exportable',
        summary:
          'The certificate was imported in IIS Manager with "Allow this certificate to be exported" unchecked, leaving a keyset HTTP.sys cannot use; IIS Manager reports HRESULT 0x80070520 when the binding is added.',
        evidence: [
          'first 36870 at the time the binding was added or changed, with no reboot before it',
          'internal error state 10001',
          'certutil shows the key as not exportable',
        ],
        remedies: [
          'Re-import the PFX with "Allow this certificate to be exported" checked, or import it through the Certificates MMC (Local Computer).',
        ],
      },
      {
        id: 'machinekeys-permissions',
        summary: 'The machine account cannot read the key file in %ProgramData%\\Microsoft\\Crypto\\RSA\\MachineKeys.',
        evidence: ['36870 0x8009030D with no import or binding change before it'],
        remedies: [
          'Restore the MachineKeys ACLs: Administrators (Full control), Everyone (special: read), SYSTEM (Full control) on the key file.',
        ],
      },
      {
        id: 'keyspec-signature',
        summary:
          'The key was generated with KeySpec = 2 (AT_SIGNATURE); Schannel needs KeySpec = 1 (AT_KEYEXCHANGE) for key exchange.',
        evidence: ['certutil -v -store my shows KeySpec = 2 -- AT_SIGNATURE for the bound certificate'],
        remedies: ['Re-issue the certificate from a CSR created with KeySpec = 1 (AT_KEYEXCHANGE), then bind the new certificate.'],
      },
    ],
    references: ['seed 003 (0x8009030D / 0x80070520 when adding an https binding)'],
  },
  {
    code: '0x8009001A',
    name: 'NTE_KEYSET_ENTRY_BAD',
    text: 'Keyset as registered is invalid',
    causes: [
      {
        id: 'corrupt-certificate-key',
        summary: 'The certificate or its private key is corrupted.',
        evidence: ['36870 0x8009001A on every handshake that stop once another certificate is bound (15300/15301 pair)'],
        remedies: [
          'Bind a self-signed certificate to confirm the certificate is the cause.',
          'Replace the certificate: re-import it from a known good PFX or re-issue it.',
        ],
      },
    ],
    references: ['seed 002 (Schannel 36870 error codes)'],
  },
  {
    code: '0x80092004',
    name: 'CRYPT_E_NOT_FOUND',
    text: 'Cannot find object or property',
    causes: [
      {
        id: 'abo-legacy-hash',
        summary:
          'An invalid legacy certificate hash (customMetadata property 5506 in applicationHost.config) was re-applied by the IIS 6 ABO mapper: the SSL binding is gone or points at a certificate that is not in the store.',
        evidence: [
          '15300 (or HttpService 119) for the endpoint within seconds of IISADMIN/SMTPSVC/MSFTPSVC starting, inetmgr6.exe or adsutil.vbs',
          'no 15301 re-creating the binding',
          'customMetadata property 5506 whose thumbprint matches no certificate in the store',
        ],
        remedies: [
          'Remove the legacy certificate properties (5506, 5511, and any 2161/1018) from the <customMetadata> key in %windir%\\System32\\inetsrv\\config\\applicationHost.config (KB 2025598), then re-create the https binding.',
        ],
      },
    ],
    references: ['seed 000 (ABO mapper deletes SSL bindings)', 'seed 001', KB_ABO],
  },
  {
    code: '0x800B0109',
    name: 'CERT_E_UNTRUSTEDROOT',
    text: 'A certificate chain processed, but terminated in a root certificate which is not trusted by the trust provider',
    causes: [
      {
        id: 'untrusted-root',
        summary: 'The issuing root CA of the server certificate is not trusted by the machine.',
        evidence: ['36870/36888 with this code'],
        remedies: ['Add the issuing CA certificate to the Local Machine "Trusted Root Certification Authorities" store.'],
      },
    ],
    references: ['seed 002'],
  },
  {
    code: '0x800B0110',
    name: 'CERT_E_WRONG_USAGE',
    text: 'The certificate is not valid for the requested usage',
    causes: [
      {
        id: 'no-server-auth-usage',
        summary: 'The certificate lacks the Server Authentication enhanced key usage.',
        evidence: ['36870 with this code'],
        remedies: ['Enable the Server Authentication purpose on the certificate, or re-issue it with that usage.'],
      },
    ],
    references: ['seed 002'],
  },
  {
    code: '0x80070520',
    name: 'ERROR_NO_SUCH_LOGON_SESSION',
    text: 'A specified logon session does not exist. It may already have been terminated',
    causes: [
      {
        id: 'iis-manager-binding-dialog',
        summary: 'The error IIS Manager shows when an https binding is added; the real cause is the Schannel 36870 logged beside it.',
        evidence: ['36870 0x8009030D at the time the binding was added'],
        remedies: ['See the 36870 error code logged at the same time.'],
      },
    ],
    references: ['seed 003'],
  },
];

/** Look up a code given as `0x…` (any case, any width) or a number. */
export function lookupErrorCode(code: string | number | null | undefined): ErrorCodeEntry | undefined {
  if (code === null || code === undefined) return undefined;
  const n = typeof code === 'number' ? code >>> 0 : Number.parseInt(String(code).trim(), String(code).trim().toLowerCase().startsWith('0x') ? 16 : 10) >>> 0;
  if (!Number.isFinite(n)) return undefined;
  const norm = '0x' + n.toString(16).toUpperCase().padStart(8, '0');
  return ERROR_CODES.find((e) => e.code === norm);
}
