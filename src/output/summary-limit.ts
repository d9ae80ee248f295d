/**
 * The runner refuses a step summary over 1 MiB whole (actions/runner CreateStepSummaryCommand,
 * AttachmentSizeLimit). This step keeps its own far below that, so other content can still fit.
 */
export const SUMMARY_BUDGET_BYTES = 256 * 1024;

const CUT_NOTE =
  "\n\n_The rest of this summary was cut to keep it under the runner's size limit: see the log._\n";

/** The markdown, or as many of its whole lines as fit in what is left of the budget, with a note. */
export function boundedSummary(markdown: string, bytesAlreadyWritten: number): string {
  const room = SUMMARY_BUDGET_BYTES - bytesAlreadyWritten;
  if (Buffer.byteLength(markdown) <= room) return markdown;
  const budget = room - Buffer.byteLength(CUT_NOTE);
  if (budget <= 0) return '';
  const kept: string[] = [];
  let used = 0;
  for (const line of markdown.split('\n')) {
    const size = Buffer.byteLength(line) + 1;
    if (used + size > budget) break;
    kept.push(line);
    used += size;
  }
  return `${kept.join('\n')}${CUT_NOTE}`;
}
