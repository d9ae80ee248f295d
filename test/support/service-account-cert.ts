import type { KeyObject } from 'node:crypto';
import { randomBytes, sign } from 'node:crypto';
import forge from 'node-forge';

// forge can only put RSA keys into certificates, but Mondoo service accounts carry EC keys. So the
// certificate is assembled from ASN.1 by hand and signed with node:crypto, as an ECDSA issuer would.

const { asn1 } = forge;
const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
const COMMON_NAME = '2.5.4.3';
const DAY_MS = 24 * 60 * 60 * 1000;

function sequence(...items: forge.asn1.Asn1[]): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
}

function oid(dotted: string): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(dotted).getBytes());
}

function name(commonName: string): forge.asn1.Asn1 {
  const attribute = sequence(
    oid(COMMON_NAME),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTF8, false, forge.util.encodeUtf8(commonName)),
  );
  return sequence(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, [attribute]));
}

function utcTime(date: Date): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(date));
}

// forge works on "binary strings": one char per byte.
function binary(buffer: Buffer): string {
  return buffer.toString('latin1');
}

/** A PEM X.509 certificate binding `subjectKey` to `subjectName`, signed by an EC `issuerKey`. */
export function issueEcCertificate(opts: {
  subjectKey: KeyObject;
  subjectName: string;
  issuerKey: KeyObject;
  issuerName: string;
}): string {
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x40;
  const now = Date.now();
  const signatureAlgorithm = sequence(oid(ECDSA_WITH_SHA256));
  const subjectPublicKeyInfo = asn1.fromDer(binary(opts.subjectKey.export({ type: 'spki', format: 'der' })));
  const tbsCertificate = sequence(
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, String.fromCharCode(2)),
    ]),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, binary(serial)),
    signatureAlgorithm,
    name(opts.issuerName),
    sequence(utcTime(new Date(now - DAY_MS)), utcTime(new Date(now + 365 * DAY_MS))),
    name(opts.subjectName),
    subjectPublicKeyInfo,
  );
  const tbsDer = Buffer.from(asn1.toDer(tbsCertificate).getBytes(), 'latin1');
  const signature = sign('sha256', tbsDer, opts.issuerKey);
  const certificate = sequence(
    tbsCertificate,
    sequence(oid(ECDSA_WITH_SHA256)),
    // A BIT STRING's first content byte counts the unused trailing bits: none here.
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, `\u0000${binary(signature)}`),
  );
  const der = asn1.toDer(certificate).getBytes();
  return forge.pem.encode({ type: 'CERTIFICATE', body: der }, { maxline: 64 });
}
