// The GitHub runner's secret masker, written from actions/runner src/Sdk/DTLogging/Logging/SecretMasker.cs and
// ValueSecret.cs: every registered value and its encoded forms are found with ordinal matching (overlaps
// included), the found ranges are merged when they overlap or touch, and each merged range becomes "***".
// There is no minimum length: a one-character secret masks that character everywhere.
import { maskedForms } from './runner-value-encoders.ts';

export class RunnerSecretMasker {
  private readonly originals = new Set<string>();
  private readonly forms = new Set<string>();

  /** SecretMasker.AddValue: ignores the empty string and values already added; adds the encoded forms. */
  addValue(value: string): void {
    if (value === '' || this.originals.has(value)) return;
    this.originals.add(value);
    for (const form of maskedForms(value)) this.forms.add(form);
  }

  /** The values added, in order. */
  values(): string[] {
    return [...this.originals];
  }

  /** Everything that is replaced: the values and their encoded forms. */
  maskedStrings(): string[] {
    return [...this.forms];
  }

  /** SecretMasker.MaskSecrets. */
  mask(input: string): string {
    if (input === '') return '';
    const ranges: [start: number, end: number][] = [];
    for (const form of this.forms) {
      for (let at = input.indexOf(form); at >= 0; at = input.indexOf(form, at + 1)) {
        ranges.push([at, at + form.length]);
      }
    }
    if (ranges.length === 0) return input;
    ranges.sort((a, b) => a[0] - b[0]);
    let result = '';
    let written = 0;
    let current: [number, number] | undefined;
    for (const range of ranges) {
      if (current && range[0] <= current[1]) {
        current[1] = Math.max(current[1], range[1]);
        continue;
      }
      if (current) {
        result += `${input.slice(written, current[0])}***`;
        written = current[1];
      }
      current = [range[0], range[1]];
    }
    if (current) {
      result += `${input.slice(written, current[0])}***`;
      written = current[1];
    }
    return result + input.slice(written);
  }

  /** True when masking would change the text: the runner's test for dropping a job output. */
  changes(text: string): boolean {
    return this.mask(text) !== text;
  }
}
