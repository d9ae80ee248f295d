import { jsonEscaped } from '../json.js';

// What must be registered with the runner so that a secret cannot be seen in any form this project prints.
// Pure; the caller hands every form to its log's mask(), which registers each string as exactly one mask.
//
// Facts from actions/runner that this relies on:
// - `add-mask` registers the whole value and then each line of it, split at CR and LF and trimmed
//   (ActionCommandManager.cs, AddMaskCommandExtension). The runner matches masks within one line of output,
//   so a mask holding a line break never matches: only line masks hide a multi-line value.
// - There is no minimum length: SecretMasker.AddValue refuses only the empty string. A one-character line
//   would mask that character in every later line of the job, and JobExtension.cs drops any job output that
//   a mask changes. Hence one floor, below which nothing is registered.
// - For every registered value the runner also masks what its value encoders derive (HostContext.cs
//   registers them; ValueEncoders.cs): base64 (and of the value shifted by one and two bytes), `"` escaped
//   as `\"`, `'` doubled, the JSON string escape, the URI data escape, the XML escape, the value inside
//   double quotes, and the parts around `&`. Those come for free for each line registered here; what the
//   runner would have derived from a multi-line value as a whole is lost by registering it line by line,
//   so this module adds the whole-value forms this project can print itself.

/**
 * The shortest string ever registered as a mask, for the whole project. Eight characters: no secret this
 * project handles is shorter (a PEM body line is 64, a JWT hundreds, a base64 credential thousands), while
 * shorter strings are ordinary words, numbers and JSON punctuation that masking would blank in every later
 * line of the job (and would silently drop job outputs that contain them).
 */
export const MIN_MASK_LENGTH = 8;

/** The PEM armour names the format, not the key; masking it would blank harmless lines that mention it. */
const PEM_ARMOUR = /^-----(BEGIN|END) [A-Z0-9 ]+-----$/;

const LINE_BREAK = /\r\n|\r|\n/;

const longEnough = (text: string) => text.length >= MIN_MASK_LENGTH;

/** The lines of a secret as the runner splits them (CR or LF, trimmed), without empty lines and armour. */
export function secretLines(secret: string): string[] {
  return secret
    .split(LINE_BREAK)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !PEM_ARMOUR.test(line));
}

/**
 * Whether masking can hide the secret: every line reaches the floor, except that the last line of a
 * multi-line value may be shorter (the remainder of a wrapped encoding, such as the last line of a PEM body;
 * in an EC private key that is public-key material).
 */
export function isMaskable(secret: string): boolean {
  const lines = secretLines(secret);
  if (lines.length === 0) return false;
  if (lines.length === 1) return longEnough(lines[0] ?? '');
  return lines.slice(0, -1).every(longEnough);
}

/**
 * Every string to register so the secret stays hidden, each on one line and at least MIN_MASK_LENGTH long:
 * - each line, trimmed (a value with a trailing newline, such as a token read from a file or a service
 *   answer, is printed without it, so the trimmed form is the one that matches);
 * - each line as it appears inside printed JSON (the runner derives that itself, but this project's own
 *   redaction of its summary and of the CLI's terminal matches exact strings only);
 * - for a multi-line value, the whole of it as it appears inside printed JSON (`\n` between the lines, as in
 *   the credential's JSON or `JSON.stringify` output), and its base64, which the runner would have derived
 *   had the whole been registered.
 * Lines shorter than the floor are left out: see isMaskable for when that leaves a secret unprotected.
 */
export function maskForms(secret: string): string[] {
  const whole = secret.trim();
  const forms = new Set<string>();
  for (const line of secretLines(whole).filter(longEnough)) {
    forms.add(line);
    forms.add(jsonEscaped(line));
  }
  if (LINE_BREAK.test(whole)) {
    forms.add(jsonEscaped(whole));
    forms.add(Buffer.from(secret, 'utf8').toString('base64'));
  }
  return [...forms].filter(longEnough);
}

/** maskForms of several secrets, each form once. */
export function maskFormsOfAll(secrets: Iterable<string>): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) for (const form of maskForms(secret)) forms.add(form);
  return [...forms];
}
