/**
 * Blocking: only records that share at least one blocking key are compared. Several keys, each
 * robust to a different kind of error, keep recall high while avoiding the O(n^2) of all pairs.
 * A pair is generated once, by the first key it shares (the rule Splink uses), so no pair set is
 * needed. Blocks larger than `maxBlockSize` (a common name in a big file) are skipped: the other
 * keys still reach those records.
 */
import type { RecordStore } from './store.js';
import { IntVec } from './store.js';

export interface BlockingKey {
  name: string;
  /**
   * Comparisons that this key forces to agree, or that agree more often than by chance among the
   * non-matching pairs it brings together (namesakes share sex and nationality far more often than
   * random people). EM neither estimates nor uses them in this key's session: with u fixed from
   * random pairs, they would make namesakes look like matches.
   */
  involves: readonly string[];
  /** A key that may be switched off when it would make too many pairs (see BlockIndex.pairBudget). */
  broad?: boolean;
  /** The record's key value, or several (a record then sits in several blocks of this key). */
  key(s: RecordStore, i: number): string | readonly string[] | null;
}

function firstCanon(s: RecordStore, col: 'given' | 'surname', i: number): string | null {
  const f = s[col].feature(i);
  return f ? (f.canonTokens[0] ?? null) : null;
}

function sortedPair(a: string, b: string): string {
  return a < b ? a + '|' + b : b + '|' + a;
}

/** Canonical tokens of given name and surname together (order and field placement ignored). */
function nameTokenSet(s: RecordStore, i: number): string[] {
  const g = s.given.feature(i);
  const n = s.surname.feature(i);
  const tokens = [...(g?.canonTokens ?? []), ...(n?.canonTokens ?? [])];
  return [...new Set(tokens)].sort();
}

function dobInitialKey(s: RecordStore, i: number, which: 0 | 1): string | null {
  const d = s.dob.feature(i);
  if (!d || d.yearOnly) return null;
  const g = s.given.feature(i)?.norm[0];
  const n = s.surname.feature(i)?.norm[0];
  let initial: string | undefined;
  if (g && n) initial = (which === 0) === g < n ? g : n;
  else if (which === 0) initial = g ?? n;
  if (!initial) return null;
  return d.year + '|' + Math.min(d.day, d.month) + '|' + Math.max(d.day, d.month) + '|' + initial;
}

const NAME_KEY_INVOLVES = ['given_name', 'surname', 'sex', 'nationality'];

export const DEFAULT_BLOCKING_KEYS: readonly BlockingKey[] = [
  // Date of birth with the first letter of a name: a date alone makes blocks of hundreds at a
  // million records. Day and month are sorted, so a day-month swap still meets; the initials are
  // sorted, so given name and surname written the other way round still meet.
  {
    name: 'date of birth and first initial',
    involves: ['date_of_birth'],
    key: (s, i) => dobInitialKey(s, i, 0),
  },
  {
    name: 'date of birth and second initial',
    involves: ['date_of_birth'],
    key: (s, i) => dobInitialKey(s, i, 1),
  },
  {
    // Every pair of canonical name tokens: meets whatever the order of names and whichever field
    // holds them (Vietnamese family name first, a father's name as surname), and when one of
    // three names is left out.
    name: 'two name tokens',
    involves: NAME_KEY_INVOLVES,
    key: (s, i) => {
      const t = nameTokenSet(s, i);
      if (t.length < 2) return null;
      const out: string[] = [];
      for (let a = 0; a < t.length && a < 5; a++) for (let b = a + 1; b < t.length && b < 5; b++) out.push(t[a] + '|' + t[b]);
      return out;
    },
  },
  {
    name: 'phonetic given name and surname',
    involves: NAME_KEY_INVOLVES,
    key: (s, i) => {
      const g = s.given.feature(i);
      const n = s.surname.feature(i);
      return g && n ? sortedPair(g.phonetic, n.phonetic) : null;
    },
  },
  // Broad keys: the most robust, and affordable on small files. On large ones they would make
  // too many pairs, and training switches them off (see BlockIndex.pairBudget).
  {
    name: 'date of birth',
    involves: ['date_of_birth'],
    broad: true,
    key: (s, i) => {
      const d = s.dob.feature(i);
      if (!d || d.yearOnly) return null;
      return d.year + '|' + Math.min(d.day, d.month) + '|' + Math.max(d.day, d.month);
    },
  },
  {
    name: 'surname and year of birth',
    involves: ['surname', 'date_of_birth'],
    broad: true,
    key: (s, i) => {
      const n = s.surname.feature(i);
      const d = s.dob.feature(i);
      return n && d ? n.canonKey + '|' + d.year : null;
    },
  },
  // Surname with year and month, or year and day, of birth: meets when one of day and month, or
  // the given name, is mistyped (a date alone or a surname with the year makes blocks of hundreds).
  {
    name: 'surname, year and month of birth',
    involves: ['surname', 'date_of_birth'],
    key: (s, i) => {
      const n = s.surname.feature(i);
      const d = s.dob.feature(i);
      return n && d && d.month ? n.canonKey + '|' + d.year + '|m' + d.month : null;
    },
  },
  {
    name: 'surname, year and day of birth',
    involves: ['surname', 'date_of_birth'],
    key: (s, i) => {
      const n = s.surname.feature(i);
      const d = s.dob.feature(i);
      return n && d && d.day && !d.yearOnly ? n.canonKey + '|' + d.year + '|d' + d.day : null;
    },
  },
  // The two name keys below use the alphabetically first and last of the two canonical names, so
  // they still meet when one record has given name and surname the other way round.
  {
    name: 'first name token and postcode',
    involves: [...NAME_KEY_INVOLVES, 'residence'],
    key: (s, i) => {
      const p = s.postcode.value(i);
      const g = firstCanon(s, 'given', i);
      const n = firstCanon(s, 'surname', i);
      if (!p || !(g || n)) return null;
      return (g && n ? (g < n ? g : n) : (g ?? n)) + '|' + p;
    },
  },
  {
    name: 'last name token and postcode',
    involves: [...NAME_KEY_INVOLVES, 'residence'],
    key: (s, i) => {
      const p = s.postcode.value(i);
      const g = firstCanon(s, 'given', i);
      const n = firstCanon(s, 'surname', i);
      if (!p || !g || !n) return null;
      return (g < n ? n : g) + '|' + p;
    },
  },
  {
    name: 'postcode and house number',
    involves: ['residence'],
    key: (s, i) => {
      const p = s.postcode.value(i);
      const a = s.address.feature(i);
      if (!p || !a) return null;
      return p + '|' + (a.numbers[0] ?? a.tokens[0]);
    },
  },
  {
    name: 'identifier',
    involves: ['identifiers'],
    key: (s, i) => {
      const f = s.identifiers.feature(i);
      return f ? f.values : null;
    },
  },
  { name: 'phone', involves: ['phone'], key: (s, i) => s.phone.value(i) },
  { name: 'email', involves: ['email'], key: (s, i) => s.email.value(i) },
];

export interface KeySnapshot {
  entryRecord: Int32Array;
  entryKey: Int32Array;
  entryNext: Int32Array;
  recordFirst: Int32Array;
  recordCount: Int32Array;
  head: Int32Array;
  size: Int32Array;
}

/**
 * Per key: each record's key values (entries, stored contiguously per record) and, per key value,
 * a linked list of its entries. A key may give a record several values (one per name token).
 */
class KeyIndex {
  readonly ids = new Map<string, number>();
  readonly entryRecord = new IntVec();
  readonly entryKey = new IntVec();
  /** entry -> previous entry with the same key value. */
  readonly entryNext = new IntVec();
  readonly recordFirst = new IntVec();
  readonly recordCount = new IntVec();
  /** key value id -> last entry added with it. */
  readonly head = new IntVec();
  readonly size = new IntVec();

  constructor(readonly key: BlockingKey) {}

  snapshot(): KeySnapshot {
    const cut = (v: IntVec) => v.data.subarray(0, v.length);
    return {
      entryRecord: cut(this.entryRecord),
      entryKey: cut(this.entryKey),
      entryNext: cut(this.entryNext),
      recordFirst: cut(this.recordFirst),
      recordCount: cut(this.recordCount),
      head: cut(this.head),
      size: cut(this.size),
    };
  }

  restore(s: KeySnapshot): void {
    const put = (v: IntVec, a: Int32Array) => {
      v.data = a;
      v.length = a.length;
    };
    put(this.entryRecord, s.entryRecord);
    put(this.entryKey, s.entryKey);
    put(this.entryNext, s.entryNext);
    put(this.recordFirst, s.recordFirst);
    put(this.recordCount, s.recordCount);
    put(this.head, s.head);
    put(this.size, s.size);
  }

  add(s: RecordStore, i: number): void {
    const v = this.key.key(s, i);
    this.recordFirst.push(this.entryRecord.length);
    if (v === null) {
      this.recordCount.push(0);
      return;
    }
    const values = typeof v === 'string' ? [v] : [...new Set(v)];
    this.recordCount.push(values.length);
    for (const value of values) {
      let id = this.ids.get(value);
      if (id === undefined) {
        id = this.head.length;
        this.ids.set(value, id);
        this.head.push(-1);
        this.size.push(0);
      }
      const e = this.entryRecord.length;
      this.entryRecord.push(i);
      this.entryKey.push(id);
      this.entryNext.push(this.head.data[id]);
      this.head.data[id] = e;
      this.size.data[id]++;
    }
  }

  /** Removes record i, which must be the last one added. */
  removeLast(i: number): void {
    const first = this.recordFirst.data[i];
    const count = this.recordCount.data[i];
    for (let e = first + count - 1; e >= first; e--) {
      const id = this.entryKey.data[e];
      this.head.data[id] = this.entryNext.data[e];
      this.size.data[id]--;
    }
    this.entryRecord.length = first;
    this.entryKey.length = first;
    this.entryNext.length = first;
    this.recordFirst.length--;
    this.recordCount.length--;
  }

  members(id: number, out: number[]): number[] {
    out.length = 0;
    for (let e = this.head.data[id]; e >= 0; e = this.entryNext.data[e]) out.push(this.entryRecord.data[e]);
    return out;
  }

  /**
   * The smallest key value id, among values no larger than `limit`, that records i and j share in
   * a block of usable size; -1 if none.
   */
  firstSharedBlock(i: number, j: number, maxBlockSize: number): number {
    const fi = this.recordFirst.data[i];
    const ci = this.recordCount.data[i];
    const fj = this.recordFirst.data[j];
    const cj = this.recordCount.data[j];
    let best = -1;
    for (let a = fi; a < fi + ci; a++) {
      const id = this.entryKey.data[a];
      if (best >= 0 && id >= best) continue;
      for (let b = fj; b < fj + cj; b++) {
        if (this.entryKey.data[b] === id && this.size.data[id] <= maxBlockSize) {
          best = id;
          break;
        }
      }
    }
    return best;
  }
}

export interface PairFilter {
  /** Only pairs from different sources (two-file linkage). */
  crossSourceOnly: boolean;
}

export class BlockIndex {
  readonly keys: KeyIndex[];

  /** Keys in use; broad keys are switched off by `applyPairBudget` on large inputs. */
  readonly enabled: boolean[];

  constructor(
    keys: readonly BlockingKey[] = DEFAULT_BLOCKING_KEYS,
    readonly maxBlockSize = 1000,
  ) {
    this.keys = keys.map((k) => new KeyIndex(k));
    this.enabled = keys.map(() => true);
  }

  /** Pairs a key's usable blocks would make. */
  keyPairs(k: number): number {
    const ki = this.keys[k];
    let total = 0;
    for (let id = 0; id < ki.head.length; id++) {
      const size = ki.size.data[id];
      if (size >= 2 && size <= this.maxBlockSize) total += (size * (size - 1)) / 2;
    }
    return total;
  }

  /**
   * Switches off each broad key whose blocks would make more than `perRecord` pairs per record,
   * and returns the names of the keys switched off. Decided once, at training, and kept in the
   * model, so incremental resolution later uses the same keys as the batch.
   */
  applyPairBudget(records: number, perRecord: number): string[] {
    const off: string[] = [];
    this.keys.forEach((ki, k) => {
      this.enabled[k] = !(ki.key.broad && this.keyPairs(k) > perRecord * records);
      if (!this.enabled[k]) off.push(ki.key.name);
    });
    return off;
  }

  /** Switches off the named keys (as recorded in a model). */
  disable(names: readonly string[]): void {
    this.keys.forEach((ki, k) => {
      this.enabled[k] = !names.includes(ki.key.name);
    });
  }

  add(s: RecordStore, i: number): void {
    for (const k of this.keys) k.add(s, i);
  }

  /** Key arrays for a worker; the key strings are not needed to enumerate pairs. */
  snapshot(): KeySnapshot[] {
    return this.keys.map((k) => k.snapshot());
  }

  static fromSnapshot(keys: readonly BlockingKey[], maxBlockSize: number, snap: readonly KeySnapshot[], enabled?: readonly boolean[]): BlockIndex {
    const b = new BlockIndex(keys, maxBlockSize);
    b.keys.forEach((k, n) => k.restore(snap[n]));
    if (enabled) enabled.forEach((on, n) => (b.enabled[n] = on));
    return b;
  }

  /** Removes the store's last record from every key (call before `store.removeLast()`). */
  removeLast(s: RecordStore): void {
    const i = s.size - 1;
    for (const k of this.keys) k.removeLast(i);
  }

  /**
   * True when pair (i, j), met in block `id` of key k, is generated elsewhere: in a usable block of
   * an earlier key, or in a block of key k with a smaller id. So each pair is generated once.
   */
  private generatedElsewhere(k: number, id: number, i: number, j: number): boolean {
    const max = this.maxBlockSize;
    for (let e = 0; e < k; e++) if (this.enabled[e] && this.keys[e].firstSharedBlock(i, j, max) >= 0) return true;
    const ki = this.keys[k];
    if (ki.recordCount.data[i] > 1 && ki.recordCount.data[j] > 1) return ki.firstSharedBlock(i, j, max) !== id;
    return false;
  }

  /** Distinct candidates for record i (each once), in the same set batch generation would give. */
  candidatesFor(s: RecordStore, i: number, filter: PairFilter): number[] {
    const out: number[] = [];
    const src = s.source.data[i];
    const seen = new Set<number>();
    for (let k = 0; k < this.keys.length; k++) {
      if (!this.enabled[k]) continue;
      const ki = this.keys[k];
      const first = ki.recordFirst.data[i];
      const count = ki.recordCount.data[i];
      for (let a = first; a < first + count; a++) {
        const id = ki.entryKey.data[a];
        const size = ki.size.data[id];
        if (size < 2 || size > this.maxBlockSize) continue;
        for (let e = ki.head.data[id]; e >= 0; e = ki.entryNext.data[e]) {
          const r = ki.entryRecord.data[e];
          if (r === i || seen.has(r)) continue;
          if (filter.crossSourceOnly && s.source.data[r] === src) continue;
          seen.add(r);
          out.push(r);
        }
      }
    }
    return out;
  }

  /**
   * Calls `visit(i, j)` once for every candidate pair. Blocks are split between `part` of `parts`
   * so threads can share the work.
   */
  forEachPair(s: RecordStore, filter: PairFilter, visit: (i: number, j: number) => void, part = 0, parts = 1): number {
    let pairs = 0;
    const members: number[] = [];
    const src = s.source.data;
    for (let k = 0; k < this.keys.length; k++) {
      if (!this.enabled[k]) continue;
      const ki = this.keys[k];
      const nIds = ki.head.length;
      for (let id = part; id < nIds; id += parts) {
        const size = ki.size.data[id];
        if (size < 2 || size > this.maxBlockSize) continue;
        ki.members(id, members);
        for (let a = 1; a < members.length; a++) {
          const i = members[a];
          for (let b = 0; b < a; b++) {
            const j = members[b];
            if (filter.crossSourceOnly && src[i] === src[j]) continue;
            if (this.generatedElsewhere(k, id, i, j)) continue;
            pairs++;
            visit(i, j);
          }
        }
      }
    }
    return pairs;
  }

  /** Pairs of one key only (for EM training sessions), visiting at most about `budget` pairs. */
  forEachPairOfKey(
    s: RecordStore,
    k: number,
    filter: PairFilter,
    budget: number,
    random: () => number,
    visit: (i: number, j: number) => void,
  ): number {
    const ki = this.keys[k];
    const nIds = ki.head.length;
    const ids: number[] = [];
    let total = 0;
    for (let id = 0; id < nIds; id++) {
      const size = ki.size.data[id];
      if (size >= 2 && size <= this.maxBlockSize) {
        ids.push(id);
        total += (size * (size - 1)) / 2;
      }
    }
    // Visit blocks in random order so a budget cut does not favour early records.
    for (let x = ids.length - 1; x > 0; x--) {
      const y = Math.floor(random() * (x + 1));
      [ids[x], ids[y]] = [ids[y], ids[x]];
    }
    const keepShare = Math.min(1, budget / Math.max(total, 1));
    let pairs = 0;
    const members: number[] = [];
    const src = s.source.data;
    for (const id of ids) {
      ki.members(id, members);
      for (let a = 1; a < members.length; a++) {
        for (let b = 0; b < a; b++) {
          const i = members[a];
          const j = members[b];
          if (filter.crossSourceOnly && src[i] === src[j]) continue;
          if (keepShare < 1 && random() >= keepShare) continue;
          if (ki.recordCount.data[i] > 1 && ki.recordCount.data[j] > 1 && ki.firstSharedBlock(i, j, this.maxBlockSize) !== id) continue;
          pairs++;
          visit(i, j);
        }
      }
      if (pairs >= budget) break;
    }
    return pairs;
  }
}
