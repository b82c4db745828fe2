/**
 * Remedies per TLS service whose private key Schannel could not use (REAL-WORLD.md §3). Kept as data
 * so the knowledge base can take them over; the IIS set is the existing private-key knowledge
 * (src/knowledge/error-codes.ts) and is only named here.
 */

export const REMEDY_SETS = [
  'iis',
  'rdp',
  'ldaps',
  'adfs',
  'sql-server',
  'adf-shir',
  'service-fabric',
  'app-v',
  'exchange',
  'tls-client',
  'generic',
] as const;
export type RemedySet = (typeof REMEDY_SETS)[number];

/** Key file of the Remote Desktop listener's self-signed certificate (the suffix is the machine GUID). */
export const RDP_MACHINE_KEY =
  'C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys\\f686aace6942fb7f7ceb231212eef4a4_*';

export const SERVICE_REMEDIES: Readonly<Record<Exclude<RemedySet, 'iis'>, readonly string[]>> = {
  rdp: [
    `Find the Remote Desktop listener's key file ${RDP_MACHINE_KEY}; take ownership (Administrators), and give SYSTEM and NETWORK SERVICE read access — or move the file away so it is regenerated.`,
    'Delete the Remote Desktop certificate from Certificates (Local Computer) → Remote Desktop, then restart Remote Desktop Services (net stop TermService & net start TermService, or Restart-Service TermService -Force) so Windows issues a new self-signed certificate and key.',
    'If a CA-issued RDP certificate is configured (Win32_TSGeneralSetting SSLCertificateSHA1Hash / GPO "Server authentication certificate template"), check that its private key is present and readable by NETWORK SERVICE.',
  ],
  ldaps: [
    'Check the domain controller certificate in Local Computer\\Personal (or NTDS\\Personal): private key present (certutil -v -store my lists each certificate with its key state), Server Authentication usage, issued to the DC FQDN.',
    'After replacing the certificate, LDAPS picks it up without reboot once it is in the store; test with ldp.exe on port 636.',
  ],
  adfs: [
    'Check the AD FS SSL/service-communication certificate: private key present and readable by the AD FS service account (certlm.msc → Manage Private Keys).',
    'After a renewal run Set-AdfsSslCertificate -Thumbprint <new> (and Set-AdfsCertificate -CertificateType Service-Communications) so AD FS and HTTP.sys use the new key.',
  ],
  'sql-server': [
    "Give the SQL Server service account (NT SERVICE\\MSSQLSERVER or the instance's account) read access to the certificate's private key (certlm.msc → Manage Private Keys), then restart the SQL Server service.",
    'Check that the certificate chosen in SQL Server Configuration Manager → Network Configuration → Protocols → Certificate still exists with its key.',
  ],
  'adf-shir': [
    'Grant NT SERVICE\\DIAHostService read access to the private key of the certificate used by the Azure Data Factory self-hosted integration runtime (certlm.msc → Manage Private Keys), then restart the integration runtime service.',
  ],
  'service-fabric': [
    'Grant NETWORK SERVICE (or the Service Fabric runtime account) read access to the private key of the cluster / server certificate (certlm.msc → Manage Private Keys, or the ACL in the cluster manifest), then restart FabricHostSvc.',
  ],
  'app-v': [
    'Check the certificate of the App-V publishing / management server: private key present and readable by its service account.',
  ],
  exchange: [
    'Check the certificate assigned to the Exchange SMTP service (Get-ExchangeCertificate | fl Thumbprint,Services,HasPrivateKey) and re-assign a certificate with its private key (Enable-ExchangeCertificate -Thumbprint <t> -Services SMTP).',
  ],
  'tls-client': [
    'The failing key belongs to a client certificate this host presents to another server: find the program from the caller (or the time) and check that certificate with certutil -v -user -store my / -store my.',
    'No IIS binding is involved: do not change the HTTP.sys SSL bindings for this.',
  ],
  generic: [
    'Find the certificate the named program uses and check its private key (certutil -v -store my lists it: key present, KeySpec 1, readable by the service account under MachineKeys / Keys).',
  ],
};
