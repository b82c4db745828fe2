/**
 * The configuration rows of a case the report's answer block fills its commands from
 * (queries/report/case-*.sql), as pure data for the report model.
 */
import type { CaseBinding, CaseCertificate, CaseFacts, CaseMetadata } from '../model/index.js';
import type { Connection } from '../store/db.js';
import type { Row } from '../store/run-query.js';
import { runBundled } from './bundled-queries.js';
import { asString } from './evidence.js';
import { isoUtc } from './time.js';

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const bool = (v: unknown): boolean | null => (v === null || v === undefined ? null : Boolean(v));

/** Bindings, certificates and customMetadata properties of the case. */
export async function caseFacts(conn: Connection): Promise<CaseFacts> {
  return {
    bindings: (await runBundled(conn, 'case-ssl-bindings')).map(binding),
    certificates: (await runBundled(conn, 'case-certificates')).map(certificate),
    metadata: (await runBundled(conn, 'case-config-metadata')).map(metadata),
  };
}

function binding(r: Row): CaseBinding {
  return {
    host: asString(r.host),
    source: asString(r.source) ?? '',
    endpoint: asString(r.endpoint),
    site: asString(r.site),
    bindingInformation: asString(r.binding_information),
    sslFlags: num(r.ssl_flags),
    certHash: asString(r.cert_hash),
    certStore: asString(r.cert_store),
    appId: asString(r.app_id),
    file: asString(r.file),
  };
}

function certificate(r: Row): CaseCertificate {
  return {
    host: asString(r.host),
    store: asString(r.store),
    thumbprint: asString(r.thumbprint) ?? '',
    subject: asString(r.subject),
    issuer: asString(r.issuer),
    notBefore: isoUtc(r.not_before),
    notAfter: isoUtc(r.not_after),
    hasPrivateKey: bool(r.has_private_key),
    keySpec: num(r.key_spec),
    file: asString(r.file),
  };
}

function metadata(r: Row): CaseMetadata {
  return {
    host: asString(r.host),
    keyPath: asString(r.key_path) ?? '',
    propertyId: Number(r.property_id ?? 0),
    dataType: asString(r.data_type),
    userType: asString(r.user_type),
    attributes: asString(r.attributes),
    value: asString(r.value),
    decoded: asString(r.decoded),
    file: asString(r.file),
  };
}
