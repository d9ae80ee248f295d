/*
 * Seeded hostile text for the property tests: everything a CI agent or a Markdown renderer might act on,
 * mixed at random but reproducibly (a case is named by its seed).
 */

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same cases on every machine. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

/** Unicode white space .NET's TrimStart() removes (the runner trims with it before looking for `::`). */
export const UNICODE_SPACES = [
  ' ',
  '\t',
  '\u00a0',
  '\u1680',
  ...Array.from({ length: 11 }, (_, index) => String.fromCharCode(0x2000 + index)),
  '\u3000',
  '\u0085',
  '\u2028',
  '\u2029',
];

/** Characters the runner's culture-aware matching may skip, or a terminal may act on. */
export const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];
export const BIDI = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];
export const CONTROLS = [
  '\r',
  '\n',
  '\r\n',
  '\x1b[31m',
  '\x1b]0;owned\x07',
  '\x1b[2J',
  '\x9b31m',
  '\x85',
  '\x90',
  '\x00',
  '\x7f',
];

/** Any-case spelling, so a check that only knows `stop-commands` in lower case misses it. */
function anyCase(rng: Rng, text: string): string {
  return [...text].map((char) => (rng.chance(0.5) ? char.toUpperCase() : char.toLowerCase())).join('');
}

function resumeToken(rng: Rng): string {
  return `tok${rng.int(1_000_000)}`;
}

/** One hostile fragment. */
function fragment(rng: Rng): string {
  const space = () => rng.pick(UNICODE_SPACES);
  switch (rng.int(14)) {
    case 0:
      return `\n${space()}::${anyCase(rng, 'stop-commands')}::${resumeToken(rng)}`;
    case 1:
      return `##[${anyCase(rng, rng.pick(['stop-commands', 'error', 'set-output name=x', 'add-mask']))}]${resumeToken(rng)}`;
    case 2:
      return `##${anyCase(rng, 'vso')}[task.setvariable variable=MONDOO;isoutput=true]owned`;
    case 3:
      return `${rng.pick(['\n', '\r', '\r\n', '\u2028', '\u0085'])}${space()}::${anyCase(rng, rng.pick(['error', 'add-mask', 'set-env name=X', 'warning file=a']))}::owned`;
    case 4:
      // An invisible character between the marks: no protection for the runner's culture-aware matching.
      return rng.chance(0.5)
        ? `#${rng.pick(INVISIBLES)}#[stop-commands]${resumeToken(rng)}`
        : `\n:${rng.pick(INVISIBLES)}:stop-commands::${resumeToken(rng)}`;
    case 5:
      return rng.pick(CONTROLS);
    case 6:
      return rng.pick(BIDI);
    case 7:
      return rng.pick(INVISIBLES);
    case 8:
      // A run of backticks, often right before markup: the way out of a code span that is fenced too short.
      return `${'`'.repeat(1 + rng.int(3))}${rng.pick(['', '<img src=x>', '[a](https://e.x)', '|'])}`;
    case 9:
      return rng.pick([
        '<img src=x>',
        '</code><img src=x onerror=alert(1)>',
        '<script>alert(1)</script>',
        '<a href="https://e.x">x</a>',
      ]);
    case 10:
      return rng.pick(['[a](https://e.x)', '![i](https://e.x/p.png)', '<https://e.x>']);
    case 11:
      return rng.pick(['|', ' | ', '\\|', '||']);
    case 12:
      return `${space()}::stop-commands::${resumeToken(rng)}`;
    default:
      return rng.pick([
        'prod',
        'refs/heads/main',
        'repo:o/r',
        'https://e.x/p',
        'x',
        '%0A::stop-commands::x',
        '&lt;img&gt;',
      ]);
  }
}

/** A hostile string of a few fragments, sometimes starting at what may be the start of a line. */
export function hostileString(rng: Rng): string {
  const parts = Array.from({ length: 1 + rng.int(6) }, () => fragment(rng));
  const lead = rng.chance(0.3) ? rng.pick(UNICODE_SPACES) : '';
  return `${lead}${parts.join(rng.pick(['', ' ', '\n']))}`;
}

/** About `bytes` of hostile text: long values must be cut without losing the escaping. */
export function longHostileString(rng: Rng, bytes = 100 * 1024): string {
  const pieces: string[] = [];
  let length = 0;
  while (length < bytes) {
    const piece = hostileString(rng);
    pieces.push(piece);
    length += piece.length;
  }
  return pieces.join('');
}

/**
 * JSON text nested `depth` levels, a hostile string at the bottom. Built as text: JSON.stringify of such a
 * value overflows the stack itself.
 */
export function deepJsonText(rng: Rng, depth: number): string {
  const leaf = JSON.stringify(hostileString(rng));
  if (rng.chance(0.5)) return `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`;
  const key = JSON.stringify(hostileString(rng));
  return `${`{${key}:`.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
}

export type HostileShape = 'string' | 'long' | 'deep';

/** A hostile JSON value as text: a short string most of the time, sometimes 100 KB, sometimes thousands deep. */
export function hostileJsonText(rng: Rng, shape: HostileShape): string {
  if (shape === 'long') return JSON.stringify(longHostileString(rng));
  if (shape === 'deep') return deepJsonText(rng, 2_000 + rng.int(4_000));
  return JSON.stringify(hostileString(rng));
}

export function pickShape(rng: Rng): HostileShape {
  const roll = rng.next();
  return roll < 0.1 ? 'deep' : roll < 0.2 ? 'long' : 'string';
}
