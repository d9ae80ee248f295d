import { createPrivateKey, type KeyObject } from 'node:crypto';
import { visible } from '../output/escape.js';

// What Mondoo's clients accept as a service account's `private_key` (public sources):
// - ranger-rpc plugins/rangerguard/crypto PrivateKeyFromBytes and mondoo-go's signer: the first PEM block,
//   its DER parsed as PKCS#8, and only an *ecdsa.PrivateKey accepted;
// - both then sign every request with ES384, and go-jose refuses a key that is not 384 bits at signing time:
//   a P-256 key loads, then every request fails (mondoo-go) or goes out unauthenticated (ranger-rpc).
// So the one usable key is ECDSA on P-384 in a `PRIVATE KEY` (PKCS#8) PEM block. ranger-rpc does not read
// the label, but OpenSSL's tools write PKCS#8 under exactly that label, and PKCS#1 (`RSA PRIVATE KEY`) and
// SEC1 (`EC PRIVATE KEY`) bodies are not PKCS#8, so the label names the format reliably.

const PKCS8_LABEL = 'PRIVATE KEY';
const USABLE_CURVE = 'secp384r1';

/** OpenSSL's curve names, as people know them. */
const CURVE_NAMES: Record<string, string> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
  secp224r1: 'P-224',
};

const FORMAT_OF_LABEL: Record<string, string> = {
  'RSA PRIVATE KEY': 'PKCS#1 PEM (`RSA PRIVATE KEY`), an RSA key',
  'EC PRIVATE KEY': 'SEC1 PEM (`EC PRIVATE KEY`)',
  'ENCRYPTED PRIVATE KEY': 'encrypted PKCS#8 PEM (`ENCRYPTED PRIVATE KEY`)',
  'OPENSSH PRIVATE KEY': 'OpenSSH format (`OPENSSH PRIVATE KEY`)',
};

const NEEDED = "Mondoo's clients (cnspec, mondoo-go) need an ECDSA P-384 key in PKCS#8 PEM (`PRIVATE KEY`)";

/**
 * Why a `private_key` cannot sign for Mondoo's clients, as the rest of a sentence that starts with the
 * member's name; undefined when it can. Names the format, the key type and the curve, never the key text.
 */
export function privateKeyProblem(pem: string): string | undefined {
  const label = /-----BEGIN ([^\r\n]*?)-----/.exec(pem)?.[1];
  if (label === undefined) return 'is not a readable PEM private key';
  if (label !== PKCS8_LABEL) {
    const format = FORMAT_OF_LABEL[label];
    if (format === undefined) {
      const shown = /^[A-Z0-9 ]{1,40}$/.test(label) ? visible(label) : 'an unknown label';
      return `is a PEM block labelled \`${shown}\`, not a private key in PKCS#8 PEM; ${NEEDED}`;
    }
    const curve = label === 'EC PRIVATE KEY' ? curveOf(readable(pem)) : undefined;
    return `is in ${format}${curve ? ` on curve ${curve}` : ''}; ${NEEDED}`;
  }
  const key = readable(pem);
  if (key === undefined) return 'is not a readable PEM private key';
  if (key.asymmetricKeyType !== 'ec') return `is ${keyTypeName(key)}; ${NEEDED}`;
  if (key.asymmetricKeyDetails?.namedCurve !== USABLE_CURVE) {
    return `is an ECDSA key on curve ${curveOf(key) ?? 'of unknown name'}, not P-384: Mondoo's clients sign with ES384, which takes only P-384 keys`;
  }
  return undefined;
}

function readable(pem: string): KeyObject | undefined {
  try {
    return createPrivateKey(pem);
  } catch {
    return undefined;
  }
}

function curveOf(key: KeyObject | undefined): string | undefined {
  const name = key?.asymmetricKeyDetails?.namedCurve;
  if (name === undefined) return undefined;
  return CURVE_NAMES[name] ?? visible(name);
}

function keyTypeName(key: KeyObject): string {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return 'an RSA key';
    case 'rsa-pss':
      return 'an RSA-PSS key';
    case 'ed25519':
      return 'an Ed25519 key';
    case 'ed448':
      return 'an Ed448 key';
    case 'dsa':
      return 'a DSA key';
    default:
      return `a key of type ${visible(key.asymmetricKeyType ?? 'unknown')}`;
  }
}
