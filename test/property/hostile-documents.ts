import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostileJsonText, hostileString, pickShape, type Rng } from '../support/hostile-text.ts';
import { runFolderSync } from '../support/run-folder.ts';
import { objectText } from './hostile-checks.ts';

/*
 * A provider's discovery document and key set with hostile text in one place each, written to local files
 * so lint (action and CLI) reads them without any network.
 */

export type DocumentField =
  | 'discovery-value'
  | 'discovery-name'
  | 'jwks_uri'
  | 'kid'
  | 'key-string-entry'
  | 'key-member'
  | 'private-key-member'
  | 'jwks-whole';

export const DOCUMENT_FIELDS: DocumentField[] = [
  'discovery-value',
  'discovery-name',
  'jwks_uri',
  'kid',
  'key-string-entry',
  'key-member',
  'private-key-member',
  'jwks-whole',
];

const ISSUER = 'https://issuer.example.com';
const DISCOVERY_MEMBERS = [
  'issuer',
  'jwks_uri',
  'response_types_supported',
  'subject_types_supported',
  'id_token_signing_alg_values_supported',
  'claims_supported',
  'scopes_supported',
  'authorization_endpoint',
  'token_endpoint',
];

/** A PEM private key pasted into `keys` by mistake: its lines are secrets that must never be quoted. */
export const PASTED_PEM = [
  '-----BEGIN PRIVATE KEY-----',
  'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgPastedByMistake01',
  'hRANCAAT7p5aXoCfCq3ZLgSs8BzhQ5t6JvWnKqH8fMxY2dYpW0aLrUeSb9Nc4Vv',
  '-----END PRIVATE KEY-----',
];

export interface ProviderFiles {
  discovery: string;
  jwks: string;
  report: string;
  /** Private material placed in the files: it must never be shown. */
  secrets: string[];
}

/** The members of a clean provider, as JSON text, to be changed in one place. */
function cleanDiscovery(): [string, string][] {
  return [
    ['issuer', JSON.stringify(ISSUER)],
    ['jwks_uri', JSON.stringify(`${ISSUER}/keys`)],
    ['response_types_supported', '["id_token"]'],
    ['subject_types_supported', '["public"]'],
    ['id_token_signing_alg_values_supported', '["RS256"]'],
    ['claims_supported', '["sub","aud","iss"]'],
  ];
}

function setMember(members: [string, string][], name: string, value: string): void {
  const at = members.findIndex(([existing]) => existing === name);
  if (at >= 0) members[at] = [name, value];
  else members.push([name, value]);
}

/** Writes a provider with hostile text in `field`; `publicJwk` is a real RSA public key to vary. */
export function hostileProviderFiles(
  field: DocumentField,
  rng: Rng,
  publicJwk: Record<string, unknown>,
  fileName = 'discovery.json',
): ProviderFiles {
  const discovery = cleanDiscovery();
  const key: [string, string][] = Object.entries(publicJwk).map(([name, value]) => [
    name,
    JSON.stringify(value),
  ]);
  const keys: string[] = [];
  const secrets: string[] = [];
  const hostileValue = () => hostileJsonText(rng, pickShape(rng));
  switch (field) {
    case 'discovery-value': {
      const value = rng.chance(0.3) ? `[${hostileJsonText(rng, 'string')}]` : hostileValue();
      setMember(discovery, rng.pick(DISCOVERY_MEMBERS), value);
      break;
    }
    case 'discovery-name':
      discovery.push([hostileString(rng), hostileValue()]);
      break;
    case 'jwks_uri':
      setMember(discovery, 'jwks_uri', JSON.stringify(`${ISSUER}/keys${hostileString(rng)}`));
      break;
    case 'kid':
      setMember(key, 'kid', hostileJsonText(rng, rng.chance(0.8) ? 'string' : 'long'));
      break;
    case 'key-string-entry': {
      const pem = PASTED_PEM.join(rng.pick(['\n', '\r\n']));
      keys.push(JSON.stringify(rng.chance(0.5) ? pem : `${hostileString(rng)}\n${pem}`));
      secrets.push(...PASTED_PEM.slice(1, 3));
      break;
    }
    case 'key-member':
      setMember(
        key,
        rng.chance(0.5) ? rng.pick(['alg', 'use', 'kty', 'x5c', 'key_ops']) : hostileString(rng),
        hostileValue(),
      );
      break;
    case 'private-key-member': {
      // A private RSA member next to a hostile kid: lint must mask it before anything quotes the key.
      const d = `${'Qm9ndXNQcml2YXRl'.repeat(8)}${rng.int(1_000_000)}`;
      setMember(key, 'd', JSON.stringify(d));
      setMember(key, 'kid', hostileJsonText(rng, 'string'));
      secrets.push(d);
      break;
    }
    case 'jwks-whole':
      break;
  }
  keys.unshift(objectText(key));
  const jwksText =
    field === 'jwks-whole'
      ? objectText([['keys', hostileJsonText(rng, rng.pick(['deep', 'long'] as const))]])
      : `{"keys":[${keys.join(',')}]}`;
  const dir = runFolderSync('hostile-provider-');
  const paths = {
    discovery: join(dir, fileName),
    jwks: join(dir, 'jwks.json'),
    report: join(dir, 'report.json'),
  };
  writeFileSync(paths.discovery, objectText(discovery));
  writeFileSync(paths.jwks, jwksText);
  return { ...paths, secrets };
}

/** A file name holding hostile text (no `/` or NUL, which no file name can hold), not too long for the file system. */
export function hostileFileName(rng: Rng): string {
  const name = hostileString(rng).replace(/[/\0]/g, '_');
  return `${Buffer.from(name)
    .subarray(0, 150)
    .toString('utf8')
    .replace(/\uFFFD/g, '_')}.json`;
}
