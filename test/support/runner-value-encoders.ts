// The encoded forms the GitHub runner masks along with every secret: HostContext's constructor registers these
// eleven encoders (actions/runner src/Runner.Common/HostContext.cs), each written from
// src/Sdk/DTLogging/Logging/ValueEncoders.cs. SecretMasker.AddValue masks every non-empty result.

type ValueEncoder = (value: string) => string;

// Convert.ToBase64String: standard alphabet, with padding, so a secret's base64 form only matches where the
// secret ends its encoded text or fills whole 3-byte groups.
const base64 = (bytes: Buffer) => bytes.toString('base64');

/** The bytes from `shift` on, so the secret is found whatever (mod 3) precedes it; too short: all bytes. */
function base64Shifted(value: string, shift: number): string {
  const bytes = Buffer.from(value, 'utf8');
  return base64(bytes.length > shift ? bytes.subarray(shift) : bytes);
}

const JSON_SHORT_ESCAPES: Record<string, string> = {
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\f': '\\f',
  '\b': '\\b',
  '\\': '\\\\',
  '"': '\\"',
};

/**
 * Newtonsoft's JsonConvert.ToString without its quotes: `"` and `\` escaped, the five short control escapes,
 * every other char below U+0020 and U+0085, U+2028, U+2029 as a lower-case `\uXXXX`; `/`, DEL and everything
 * else as is.
 */
function jsonStringEscape(value: string): string {
  return value.replace(/[\p{Cc}"\\\u2028\u2029]/gu, (char) => {
    const code = char.charCodeAt(0);
    // DEL and the C1 controls other than NEL are control characters that Newtonsoft leaves alone.
    if (code >= 0x7f && code <= 0x9f && code !== 0x85) return char;
    return JSON_SHORT_ESCAPES[char] ?? `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Lone surrogates become U+FFFD, as .NET's UTF-8 encoding does. */
function wellFormed(value: string): string {
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Uri.EscapeDataString: only RFC 3986 unreserved characters stay; UTF-8 bytes as upper-case `%XX`. */
function uriDataEscape(value: string): string {
  return encodeURIComponent(wellFormed(value)).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

const XML_ESCAPES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '&': '&amp;',
};

/** SecurityElement.Escape. */
function xmlDataEscape(value: string): string {
  return value.replace(/[<>"'&]/g, (char) => XML_ESCAPES[char] ?? char);
}

/** A value of more than 8 characters in double quotes also masks what is between them. */
function trimDoubleQuotes(value: string): string {
  return value.length > 8 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : '';
}

// PowerShell may print a secret containing `&` in two pieces; each piece of at least 6 characters is masked.
// (The runner finds "&+" and the last "&" with culture-sensitive IndexOf; for the values tests use, ordinal.)
function powerShellPreAmpersand(value: string): string {
  if (!value.includes('&')) return '';
  const plus = value.indexOf('&+');
  const piece = plus >= 0 ? value.slice(0, plus + 2) : value.slice(0, value.lastIndexOf('&') + 1);
  return piece.length >= 6 ? piece : '';
}

function powerShellPostAmpersand(value: string): string {
  if (!value.includes('&')) return '';
  const plus = value.indexOf('&+');
  let piece = '';
  if (plus < 0) piece = value.slice(value.lastIndexOf('&') + 1);
  // One character after "&+" is skipped: PowerShell colours it separately.
  else if (value.length > plus + 3) piece = value.slice(plus + 3);
  return piece.length >= 6 ? piece : '';
}

/** In HostContext's order; names as in ValueEncoders.cs. */
export const RUNNER_VALUE_ENCODERS: ReadonlyArray<[name: string, encode: ValueEncoder]> = [
  ['Base64StringEscape', (value) => base64(Buffer.from(value, 'utf8'))],
  ['Base64StringEscapeShift1', (value) => base64Shifted(value, 1)],
  ['Base64StringEscapeShift2', (value) => base64Shifted(value, 2)],
  ['CommandLineArgumentEscape', (value) => value.replaceAll('"', '\\"')],
  ['ExpressionStringEscape', (value) => value.replaceAll("'", "''")],
  ['JsonStringEscape', jsonStringEscape],
  ['UriDataEscape', uriDataEscape],
  ['XmlDataEscape', xmlDataEscape],
  ['TrimDoubleQuotes', trimDoubleQuotes],
  ['PowerShellPreAmpersandEscape', powerShellPreAmpersand],
  ['PowerShellPostAmpersandEscape', powerShellPostAmpersand],
];

/** Every form the runner masks when `value` is registered: the value itself first. */
export function maskedForms(value: string): string[] {
  if (value === '') return [];
  const forms = new Set([value]);
  for (const [, encode] of RUNNER_VALUE_ENCODERS) {
    const encoded = encode(value);
    if (encoded !== '') forms.add(encoded);
  }
  return [...forms];
}
