export interface Measure {
  name: string;
  /** Median of the action's samples. */
  value: number;
  /** Median of the reference's samples. */
  reference: number;
  ratio: number;
  /** The ratio the project aims for, when it has set one. */
  goal?: number;
}

export interface Row {
  measure: Measure;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function ratioRow(name: string, value: number, reference: number, goal?: number): Row {
  return { measure: { name, value, reference, ratio: value / reference, goal } };
}

const fixed = (value: number) => (Number.isFinite(value) ? value.toFixed(value >= 100 ? 0 : 1) : 'n/a');

export function printTable(rows: readonly Row[], bundle: readonly { file: string; bytes: number }[]): void {
  const lines = [['measure', 'action', 'reference', 'ratio', 'goal', 'status']];
  for (const { measure } of rows) {
    const status = measure.goal === undefined ? '' : measure.ratio <= measure.goal ? 'met' : 'missed';
    lines.push([
      measure.name,
      fixed(measure.value),
      fixed(measure.reference),
      `${measure.ratio.toFixed(2)}×`,
      measure.goal === undefined ? '' : `≤ ${measure.goal}×`,
      status,
    ]);
  }
  const widths =
    lines[0]?.map((_, column) => Math.max(...lines.map((line) => (line[column] ?? '').length))) ?? [];
  for (const line of lines)
    console.log(line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));
  console.log('');
  for (const { file, bytes } of bundle)
    console.log(`${file.padEnd(24)} ${bytes.toLocaleString('en-US')} bytes`);
}
