import { redactSecrets } from '../runner.js';
import { MIN_MASK_LENGTH, secretLines } from '../secrets/mask-forms.js';

// The runner splits an `add-mask` value into trimmed lines and masks each one, however short (actions/runner
// AddMaskCommandExtension): a `{` or `e` registered there would be starred out of every later line of the job.
// So secrets are registered here line by line, and only lines of at least MIN_MASK_LENGTH characters.

/** The trimmed lines of a secret that are long enough, and secret enough (no PEM armour), to mask alone. */
export function maskableLines(secret: string): string[] {
  return secretLines(secret).filter((line) => line.length >= MIN_MASK_LENGTH);
}

/**
 * The secrets registered so far: each is handed to the runner line by line (never as a multi-line value,
 * which the runner would split into short masks itself), and redacted whole and by line from text this
 * project writes where the runner does not mask for it.
 */
export class SecretSet {
  private readonly forms = new Set<string>();
  private readonly register: (line: string) => void;

  constructor(register: (line: string) => void = () => {}) {
    this.register = register;
  }

  add(secret: string): void {
    const lines = maskableLines(secret);
    const whole = secret.trim();
    for (const form of whole.length >= MIN_MASK_LENGTH ? [whole, ...lines] : lines) {
      if (this.forms.has(form)) continue;
      this.forms.add(form);
      if (!/[\r\n]/.test(form)) this.register(form);
    }
  }

  redact(text: string): string {
    return redactSecrets(text, this.forms);
  }
}
