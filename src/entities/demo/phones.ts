// Telephone numbers for synthetic people. Only the ranges Ofcom reserves for drama are used, so no
// generated number can ring a real person. There are about 20,000 such numbers in all: beyond that the
// allocator starts again and numbers recur across strangers (say so in benchmark reports at xl scale).

import type { Rng } from './rng.js';

export interface DramaRange {
  label: string;
  /** National format without the last three digits, e.g. '07700 900'. */
  spacedPrefix: string;
  kind: 'mobile' | 'geographic' | 'no-area' | 'non-geographic';
}

/** Ofcom's numbers for drama purposes: each range is the prefix followed by 000-999. */
export const DRAMA_RANGES: readonly DramaRange[] = [
  { label: 'Mobile', spacedPrefix: '07700 900', kind: 'mobile' },
  { label: 'Leeds', spacedPrefix: '0113 496 0', kind: 'geographic' },
  { label: 'Sheffield', spacedPrefix: '0114 496 0', kind: 'geographic' },
  { label: 'Nottingham', spacedPrefix: '0115 496 0', kind: 'geographic' },
  { label: 'Leicester', spacedPrefix: '0116 496 0', kind: 'geographic' },
  { label: 'Bristol', spacedPrefix: '0117 496 0', kind: 'geographic' },
  { label: 'Reading', spacedPrefix: '0118 496 0', kind: 'geographic' },
  { label: 'Birmingham', spacedPrefix: '0121 496 0', kind: 'geographic' },
  { label: 'Edinburgh', spacedPrefix: '0131 496 0', kind: 'geographic' },
  { label: 'Glasgow', spacedPrefix: '0141 496 0', kind: 'geographic' },
  { label: 'Liverpool', spacedPrefix: '0151 496 0', kind: 'geographic' },
  { label: 'Manchester', spacedPrefix: '0161 496 0', kind: 'geographic' },
  { label: 'London', spacedPrefix: '020 7946 0', kind: 'geographic' },
  { label: 'Tyneside', spacedPrefix: '0191 498 0', kind: 'geographic' },
  { label: 'Northern Ireland', spacedPrefix: '028 9649 6', kind: 'geographic' },
  { label: 'Cardiff', spacedPrefix: '029 2018 0', kind: 'geographic' },
  { label: 'No area', spacedPrefix: '01632 960', kind: 'no-area' },
  { label: 'UK-wide', spacedPrefix: '03069 990', kind: 'non-geographic' },
  { label: 'Freephone', spacedPrefix: '08081 570', kind: 'non-geographic' },
  { label: 'Premium', spacedPrefix: '0909 879 0', kind: 'non-geographic' },
];

const compactPrefix = (r: DramaRange) => r.spacedPrefix.replace(/ /g, '');
const RANGE_BY_COMPACT = new Map(DRAMA_RANGES.map((r) => [compactPrefix(r), r] as const));
const RANGE_BY_LABEL = new Map(DRAMA_RANGES.map((r) => [r.label, r] as const));

/** How a number is written. 'national' (07700 900123) is the canonical form and carries no variant tag. */
export type PhoneFormat = 'national' | 'compact' | 'international' | 'e164' | 'digits-only';

function rangeOf(compact: string): DramaRange {
  const range = RANGE_BY_COMPACT.get(compact.slice(0, compact.length - 3));
  if (!range) throw new RangeError(`${compact} is not in an Ofcom drama range`);
  return range;
}

/** The national compact form (11 digits, leading 0) of number `n` (0-999) in a range. */
export function dramaNumber(rangeLabel: string, n: number): string {
  const range = RANGE_BY_LABEL.get(rangeLabel);
  if (!range) throw new RangeError(`unknown drama range ${rangeLabel}`);
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new RangeError(`number ${n} outside 0-999`);
  return compactPrefix(range) + String(n).padStart(3, '0');
}

/** Write a national compact number in one of the formats agencies use. */
export function formatPhone(compact: string, format: PhoneFormat): string {
  const range = rangeOf(compact);
  const last = compact.slice(-3);
  switch (format) {
    case 'national':
      return range.spacedPrefix + last;
    case 'compact':
      return compact;
    case 'international':
      return `+44 ${range.spacedPrefix.slice(1)}${last}`;
    case 'e164':
      return `+44${compact.slice(1)}`;
    case 'digits-only':
      return `44${compact.slice(1)}`;
  }
}

/** Any written UK number back to its national compact form, or null if it is not a UK number. */
export function normalizeUkPhone(text: string): string | null {
  let digits = text.replace(/[\s\-().]/g, '');
  if (digits.startsWith('+44')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0044')) digits = `0${digits.slice(4)}`;
  else if (digits.startsWith('44') && digits.length === 12) digits = `0${digits.slice(2)}`;
  digits = digits.replace(/^0\(?0\)?/, '0');
  return /^0\d{9,10}$/.test(digits) ? digits : null;
}

/** True when the text is a number inside one of Ofcom's drama ranges, whatever its format. */
export function isFictionalUkPhone(text: string): boolean {
  const compact = normalizeUkPhone(text);
  if (compact === null || compact.length !== 11) return false;
  return RANGE_BY_COMPACT.has(compact.slice(0, 8));
}

/** A one-digit slip in the last three digits, which keeps the number inside its drama range. */
export function phoneTypo(compact: string, rng: Rng): string {
  const position = compact.length - 1 - rng.int(0, 2);
  const old = compact.charCodeAt(position) - 48;
  const replacement = (old + rng.int(1, 9)) % 10;
  return compact.slice(0, position) + String(replacement) + compact.slice(position + 1);
}

const PERSONAL_RANGES = DRAMA_RANGES.filter((r) => r.kind !== 'non-geographic');

/**
 * Hands out drama-range numbers without repeating one until all are used. People get mobiles first,
 * then landlines; venues take a landline from their own town's range where one exists.
 */
export class PhoneAllocator {
  private readonly personalOrder: string[];
  private readonly byRange = new Map<string, { order: string[]; next: number }>();
  private nextPersonal = 0;
  private readonly used = new Set<string>();
  /** How many times every number has been handed out (0 until the pool first runs dry). */
  cycles = 0;

  constructor(rng: Rng) {
    const mobile = this.allNumbers(RANGE_BY_LABEL.get('Mobile')!);
    const landlines = PERSONAL_RANGES.filter((r) => r.kind !== 'mobile').flatMap((r) => this.allNumbers(r));
    this.personalOrder = [...rng.shuffle(mobile), ...rng.shuffle(landlines)];
    for (const r of DRAMA_RANGES)
      this.byRange.set(r.label, { order: rng.shuffle(this.allNumbers(r)), next: 0 });
  }

  private allNumbers(range: DramaRange): string[] {
    const prefix = compactPrefix(range);
    return Array.from({ length: 1000 }, (_, i) => prefix + String(i).padStart(3, '0'));
  }

  private restart(): void {
    this.used.clear();
    this.nextPersonal = 0;
    for (const entry of this.byRange.values()) entry.next = 0;
    this.cycles++;
  }

  /** A number for a person (national compact form). */
  personal(): string {
    for (;;) {
      while (this.nextPersonal < this.personalOrder.length) {
        const n = this.personalOrder[this.nextPersonal++];
        if (!this.used.has(n)) {
          this.used.add(n);
          return n;
        }
      }
      this.restart();
    }
  }

  /** A landline in the named range (a venue's switchboard), falling back to the no-area range. */
  inRange(label: string): string {
    const entry = this.byRange.get(label) ?? this.byRange.get('No area')!;
    while (entry.next < entry.order.length) {
      const n = entry.order[entry.next++];
      if (!this.used.has(n)) {
        this.used.add(n);
        return n;
      }
    }
    if (label !== 'No area') return this.inRange('No area');
    this.restart();
    return this.inRange('No area');
  }
}
