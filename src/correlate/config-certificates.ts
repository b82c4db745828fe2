/**
 * Certificate findings (kind `config-certificate-problem`): the rows of
 * queries/config/config-certificate-problems.sql — no private key, KeySpec 2, expired, and for a
 * bound certificate no Server Authentication usage (0x800B0110) or an untrusted root (0x800B0109)
 * through diagnosis/config-checks.ts.
 */
import { findingList, findingReferences, findingTable, findingText } from '../knowledge/finding-texts.js';
import type { Evidence, Finding } from '../model/index.js';
import type { Row } from '../store/run-query.js';
import { certificateUsageProblems } from './diagnosis/config-checks.js';
import { asString, asStrings } from './evidence.js';

/** One finding per certificate (rows of the same host and thumbprint). */
export function certificateFinding(rows: Row[]): Finding {
  const c = rows[0]!;
  const host = asString(c.host);
  const thumb = asString(c.thumbprint) ?? '?';
  const endpoints = uniq(rows.flatMap((r) => asStrings(r.endpoints)));
  const found = certificateIssues(c);
  const issue = (field: 'label' | 'cause' | 'remedy'): string[] =>
    found.map(
      (id) =>
        findingTable(CERT, 'issues', id, field, {
          thumbprint: thumb,
          notAfter: asString(c.not_after)?.slice(0, 10) || null,
          ekus: Array.isArray(c.eku) ? asStrings(c.eku) : null,
        })!,
    );
  const issues = issue('label');
  const remedies = [...issue('remedy'), ...findingList(CERT, 'remedies', { thumbprint: thumb })];
  return {
    id: `config-certificate-problem:${host ?? '-'}:${thumb}`,
    kind: 'config-certificate-problem',
    level: endpoints.length > 0 ? 'high' : 'low',
    host,
    confidence: 'high',
    title: findingText(CERT, 'title', { thumbprint: thumb, subject: asString(c.subject) || null, issues }),
    start: null,
    end: null,
    endpoints,
    errorCode: certificateErrorCode(found),
    trigger: null,
    symptoms: [
      endpoints.length > 0
        ? `used by the SSL binding(s) ${endpoints.join(', ')}`
        : 'no binding data for the host: not known to be in use',
      `private key ${c.has_private_key === false ? 'missing' : c.has_private_key ? 'present' : 'unknown'}, KeySpec ${asString(c.key_spec) ?? '?'}, exportable ${c.exportable === null || c.exportable === undefined ? '?' : c.exportable ? 'yes' : 'no'}, provider ${asString(c.provider) ?? '?'}, container ${asString(c.key_container) ?? '?'}`,
      `valid ${asString(c.not_before)?.slice(0, 10) ?? '?'} to ${asString(c.not_after)?.slice(0, 10) ?? '?'} (checked against ${asString(c.reference_ts)?.slice(0, 19) ?? 'now'})`,
    ],
    cause: issue('cause').join(' '),
    remedies,
    references: findingReferences(CERT),
    evidence: [configEvidence(c, host, `certificate ${thumb}: ${issues.join(', ')}`)],
    occurrences: 1,
  };
}

const CERT = 'config-certificate-problem';

type CertificateIssue = 'no-private-key' | 'keyspec-signature' | 'expired' | 'wrong-eku' | 'untrusted-root';

/** The certificate's issues, in the order title, cause and remedies list them. */
function certificateIssues(c: Row): CertificateIssue[] {
  const usage =
    asStrings(c.endpoints).length > 0
      ? certificateUsageProblems({
          thumbprint: asString(c.thumbprint) ?? '',
          effectiveEkus: Array.isArray(c.eku) ? asStrings(c.eku) : null,
          chainProblems: asStrings(c.chain_problems),
        }).map((p) => p.problem)
      : [];
  return [
    ...(c.has_private_key === false ? (['no-private-key'] as const) : []),
    ...(Number(c.key_spec) === 2 ? (['keyspec-signature'] as const) : []),
    ...(c.expired === true ? (['expired'] as const) : []),
    ...usage,
  ];
}

/** The Schannel / CryptoAPI code the worst issue produces. */
function certificateErrorCode(issues: CertificateIssue[]): string | null {
  if (issues.includes('keyspec-signature')) return '0x8009030D';
  if (issues.includes('no-private-key')) return '0x80090016';
  if (issues.includes('wrong-eku')) return '0x800B0110';
  if (issues.includes('untrusted-root')) return '0x800B0109';
  return null;
}

function configEvidence(r: Row, host: string | null, summary: string): Evidence {
  return { file: asString(r.file) ?? '', recordId: null, time: null, host, role: 'configuration', summary };
}

const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];
