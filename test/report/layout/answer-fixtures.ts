/**
 * The case of samples/abo-5506-iisadmin as answer input: IISADMIN restarts on WEB01, the ABO
 * mapper deletes 0.0.0.0:443 (15300 2.4 s later), the administrator re-adds it, the patch-night
 * boot deletes it again; customMetadata LM/W3SVC/1 holds 5506 = A178… (not in the store).
 */
import type {
  AnswerEvidence,
  AnswerFinding,
  AnswerInput,
  BindingFacts,
  CertificateFacts,
} from '../../../src/report/layout/answer-types.js';

export const HOST = 'WEB01.contoso.local';
export const SYSTEM = 'samples/abo-5506-iisadmin/System.evtx';
export const GOOD = '1F4D2EBFE6962600E9BE4BF8DE142C3985743559';
export const WMSVC = '58AC02DAA5894548C9772BA5344229E17A50C6ED';
export const BAD_5506 = 'A178873B314030E17463122E23BB285AF0C51338';

const ev = (
  recordId: string,
  time: string,
  role: string,
  provider: string,
  eventId: number,
  summary: string,
): AnswerEvidence => ({ file: SYSTEM, recordId, time, host: HOST, role, provider, eventId, summary });

export function aboEvidence(): AnswerEvidence[] {
  const out = [
    ev(
      '48286',
      '2026-03-12T09:14:03.0000000Z',
      'trigger',
      'Service Control Manager',
      7036,
      'IISADMIN service entered running (7036)',
    ),
    ev(
      '48287',
      '2026-03-12T09:14:05.4000000Z',
      'symptom',
      'Microsoft-Windows-HttpEvent',
      15300,
      '15300 SSL binding deleted 0.0.0.0:443',
    ),
    ev(
      '48489',
      '2026-03-14T02:08:10.1840000Z',
      'trigger',
      'Service Control Manager',
      7036,
      'IISADMIN service entered running (7036)',
    ),
    ev(
      '48492',
      '2026-03-14T02:08:13.2840000Z',
      'symptom',
      'Microsoft-Windows-HttpEvent',
      15300,
      '15300 SSL binding deleted 0.0.0.0:443',
    ),
  ];
  for (let i = 0; i < 22; i++) {
    out.push(
      ev(
        String(48290 + i),
        new Date(Date.UTC(2026, 2, 12, 9, 16, 56, 700) + i * 220_000).toISOString().replace('Z', '0000Z'),
        'symptom',
        'Schannel',
        36870,
        '36870 private key error 0x80092004 CRYPT_E_NOT_FOUND',
      ),
    );
  }
  return out;
}

export function aboFindings(): AnswerFinding[] {
  const evidence = aboEvidence();
  return [
    {
      id: 'config-abo-hash-invalid:WEB01.contoso.local:LM/W3SVC/1',
      kind: 'config-abo-hash-invalid',
      level: 'critical',
      host: HOST,
      title: 'customMetadata 5506 hash of no usable certificate (LM/W3SVC/1)',
      cause: 'applicationHost.config keeps the IIS 6 metabase property 5506.',
      start: evidence[0]!.time,
      end: evidence[3]!.time,
      endpoints: ['0.0.0.0:443'],
      trigger: 'IISADMIN service entered running (7036)',
      errorCode: '0x80092004',
      evidence: [
        {
          file: 'samples/abo-5506-iisadmin/applicationHost.config',
          recordId: null,
          time: null,
          host: HOST,
          role: 'configuration',
          summary: '<key path="LM/W3SVC/1"> property 5506',
        },
        ...evidence.slice(0, 4),
      ],
    },
    {
      id: 'abo-binding-deleted:WEB01.contoso.local:0.0.0.0:443',
      kind: 'abo-binding-deleted',
      level: 'critical',
      host: HOST,
      title: 'SSL binding deleted by the ABO mapper (0.0.0.0:443)',
      cause:
        'The IIS 6 metabase compatibility layer (ABO mapper) rebuilt its tree when IISADMIN service entered running (7036) ×2; it deleted the binding. The hash names no usable certificate.',
      start: evidence[0]!.time,
      end: evidence[evidence.length - 1]!.time,
      endpoints: ['0.0.0.0:443'],
      trigger: 'IISADMIN service entered running (7036) ×2',
      errorCode: null,
      evidence,
    },
    {
      id: 'private-key-failure:WEB05:0x80090016',
      kind: 'private-key-failure',
      level: 'medium',
      host: 'WEB05',
      title: 'a medium note',
      cause: 'x.',
      start: '2026-03-12T00:00:00.0000000Z',
      end: '2026-03-12T00:00:00.0000000Z',
      endpoints: [],
      trigger: null,
      evidence: [],
    },
  ];
}

export const cert = (over: Partial<CertificateFacts> & { thumbprint: string }): CertificateFacts => ({
  host: null,
  store: 'MY',
  subject: 'CN=www.contoso.com, OU=IT, O=Contoso Ltd',
  issuer: 'CN=Contoso Issuing CA 01',
  notBefore: '2025-09-01T09:12:00.0000000Z',
  notAfter: '2027-09-01T09:12:00.0000000Z',
  hasPrivateKey: true,
  keySpec: 1,
  eku: ['Server Authentication (1.3.6.1.5.5.7.3.1)'],
  sans: ['www.contoso.com'],
  file: 'samples/abo-5506-iisadmin/certutil-store-my.txt',
  ...over,
});

export function aboBindings(): BindingFacts[] {
  const appId = '{4DC3E181-E14B-4A21-B022-59FC669B0914}';
  return [
    {
      host: null,
      source: 'config',
      endpoint: '0.0.0.0:443',
      site: 'Default Web Site',
      bindingInformation: '*:443:',
      sslFlags: 0,
      certHash: null,
      certStore: null,
      appId: null,
      file: 'samples/abo-5506-iisadmin/applicationHost.config',
    },
    {
      host: null,
      source: 'netsh',
      endpoint: '0.0.0.0:8172',
      certHash: WMSVC,
      certStore: 'MY',
      appId,
      file: 'samples/abo-5506-iisadmin/netsh-http-show-sslcert.txt',
    },
    {
      host: null,
      source: 'registry',
      endpoint: '0.0.0.0:8172',
      certHash: WMSVC,
      certStore: 'MY',
      appId,
      file: 'samples/abo-5506-iisadmin/SslBindingInfo.reg',
    },
  ];
}

export function aboCase(): AnswerInput {
  return {
    findings: aboFindings(),
    bindings: aboBindings(),
    certificates: [
      cert({ thumbprint: GOOD }),
      cert({
        thumbprint: WMSVC,
        subject: 'CN=WMSvc-SHA2-WEB01',
        issuer: 'CN=WMSvc-SHA2-WEB01',
        sans: ['WMSvc-SHA2-WEB01'],
        notBefore: '2024-05-14T16:40:00.0000000Z',
        notAfter: '2034-05-12T16:40:00.0000000Z',
      }),
    ],
    metadata: [
      {
        host: null,
        keyPath: 'LM/W3SVC/INFO',
        propertyId: 4012,
        dataType: 'String',
        userType: '1',
        attributes: 'Inherit',
        value: 'NCSA Common Log File Format',
      },
      {
        host: null,
        keyPath: 'LM/W3SVC/1',
        propertyId: 5506,
        dataType: 'Binary',
        userType: '1',
        attributes: 'None',
        value: 'oXiHOzFAMOF0YxIuI7soWvDFEzg=',
        decoded: BAD_5506,
        file: 'samples/abo-5506-iisadmin/applicationHost.config',
      },
    ],
    hosts: [
      { host: HOST, lastTime: '2026-03-14T13:31:25.6844759Z' },
      { host: 'WEB05', lastTime: null },
    ],
    events: [
      {
        file: SYSTEM,
        recordId: '48313',
        time: '2026-03-12T10:42:37.5140000Z',
        host: HOST,
        role: 'context',
        provider: 'Microsoft-Windows-HttpEvent',
        eventId: 15301,
        summary: 'SSL binding created 0.0.0.0:443',
      },
    ],
  };
}
