/**
 * Columnar record store. Each field keeps a dictionary of its distinct normalised values (with
 * features computed once per value and a count for term frequencies) and one Int32 value id per
 * record, -1 when missing. A million records cost a few tens of megabytes plus the distinct values.
 */
import {
  type AddressFeatures,
  addressFeatures,
  type DateFeatures,
  type IdentifierFeatures,
  identifierFeatures,
  type NameFeatures,
  nameFeatures,
  type PostcodeFeatures,
  postcodeFeatures,
} from './features.js';
import { decodeDate } from './record.js';
import type { FieldName, NormalisedRecord } from './types.js';

/** A growable Int32Array. */
export class IntVec {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  get(i: number): number {
    return this.data[i];
  }
  set(i: number, v: number): void {
    this.data[i] = v;
  }
}

export interface ColumnSnapshot {
  values: string[];
  counts: number[];
  nonNull: number;
  rec: Int32Array;
}

export class Column<F> {
  readonly index = new Map<string, number>();
  readonly values: string[] = [];
  readonly features: F[] = [];
  readonly counts: number[] = [];
  /** Records with a value in this field. */
  nonNull = 0;
  readonly rec = new IntVec();

  constructor(private readonly make: (value: string) => F) {}

  snapshot(): ColumnSnapshot {
    return { values: this.values, counts: this.counts, nonNull: this.nonNull, rec: this.rec.data.subarray(0, this.rec.length) };
  }

  /** Rebuilds from a snapshot (features are recomputed once per distinct value). */
  restore(s: ColumnSnapshot): void {
    for (let id = 0; id < s.values.length; id++) {
      this.index.set(s.values[id], id);
      this.values.push(s.values[id]);
      this.features.push(this.make(s.values[id]));
      this.counts.push(s.counts[id]);
    }
    this.nonNull = s.nonNull;
    this.rec.data = s.rec;
    this.rec.length = s.rec.length;
  }

  push(value: string | null): void {
    if (value === null) {
      this.rec.push(-1);
      return;
    }
    let id = this.index.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.index.set(value, id);
      this.values.push(value);
      this.features.push(this.make(value));
      this.counts.push(0);
    }
    this.counts[id]++;
    this.nonNull++;
    this.rec.push(id);
  }

  /** Removes the last record's value (used to undo a trial resolution). */
  pop(): void {
    const id = this.rec.data[--this.rec.length];
    if (id < 0) return;
    this.counts[id]--;
    this.nonNull--;
    // A value first seen in the popped record is dropped so the dictionary matches a fresh build.
    if (this.counts[id] === 0 && id === this.values.length - 1) {
      this.index.delete(this.values[id]);
      this.values.pop();
      this.features.pop();
      this.counts.pop();
    }
  }

  id(record: number): number {
    return this.rec.data[record];
  }

  feature(record: number): F | null {
    const id = this.rec.data[record];
    return id < 0 ? null : this.features[id];
  }

  value(record: number): string | null {
    const id = this.rec.data[record];
    return id < 0 ? null : this.values[id];
  }

  /** Records holding the value of `record` (>= 1 when present). */
  count(record: number): number {
    const id = this.rec.data[record];
    return id < 0 ? 0 : this.counts[id];
  }
}

const identity = (v: string) => v;

const FIELDS = ['given', 'surname', 'dob', 'address', 'postcode', 'town', 'phone', 'email', 'identifiers', 'sex', 'nationality'] as const;

/** Everything a worker thread needs to rebuild the store (record ids are not needed to score). */
export interface StoreSnapshot {
  size: number;
  source: Int32Array;
  sourceCounts: number[];
  columns: Record<(typeof FIELDS)[number], ColumnSnapshot>;
}

/**
 * How a store computes the features of a name or postcode value. A caller that builds many short-lived stores
 * over the same population (person search) passes memoised versions, so a value's features are computed once.
 */
export interface FeatureMakers {
  given?: (value: string) => NameFeatures;
  surname?: (value: string) => NameFeatures;
  postcode?: (value: string) => PostcodeFeatures;
}

export class RecordStore {
  readonly ids: string[] = [];
  readonly idIndex = new Map<string, number>();
  /** 0 or 1: which file a record came from, for two-file linkage. */
  readonly source = new IntVec();
  readonly given: Column<NameFeatures>;
  readonly surname: Column<NameFeatures>;
  readonly dob = new Column<DateFeatures>(decodeDate);
  readonly address = new Column<AddressFeatures>(addressFeatures);
  readonly postcode: Column<PostcodeFeatures>;
  readonly town = new Column<string>(identity);
  readonly phone = new Column<string>(identity);
  readonly email = new Column<string>(identity);
  readonly identifiers = new Column<IdentifierFeatures>(identifierFeatures);
  readonly sex = new Column<string>(identity);
  readonly nationality = new Column<string>(identity);
  /** Per-source record counts, for the number of possible pairs. */
  readonly sourceCounts = [0, 0];

  constructor(makers: FeatureMakers = {}) {
    this.given = new Column<NameFeatures>(makers.given ?? ((v) => nameFeatures(v)));
    this.surname = new Column<NameFeatures>(makers.surname ?? ((v) => nameFeatures(v, true)));
    this.postcode = new Column<PostcodeFeatures>(makers.postcode ?? postcodeFeatures);
  }

  /** Number of records (in a worker rebuilt from a snapshot, ids are not copied). */
  get size(): number {
    return this.source.length;
  }

  snapshot(): StoreSnapshot {
    const columns = {} as StoreSnapshot['columns'];
    for (const f of FIELDS) columns[f] = (this[f] as Column<unknown>).snapshot();
    return { size: this.size, source: this.source.data.subarray(0, this.source.length), sourceCounts: [...this.sourceCounts], columns };
  }

  static fromSnapshot(s: StoreSnapshot): RecordStore {
    const store = new RecordStore();
    for (const f of FIELDS) (store[f] as Column<unknown>).restore(s.columns[f]);
    store.source.data = s.source;
    store.source.length = s.source.length;
    store.sourceCounts[0] = s.sourceCounts[0];
    store.sourceCounts[1] = s.sourceCounts[1];
    return store;
  }

  column(field: FieldName): Column<unknown> {
    return this[field] as Column<unknown>;
  }

  /** Appends a record and returns its index. Ids must be unique within the store. */
  add(id: string, r: NormalisedRecord, source = 0): number {
    if (this.idIndex.has(id)) throw new Error(`duplicate record id ${id}`);
    const at = this.ids.length;
    this.ids.push(id);
    this.idIndex.set(id, at);
    this.source.push(source);
    this.sourceCounts[source]++;
    this.given.push(r.given);
    this.surname.push(r.surname);
    this.dob.push(r.dob);
    this.address.push(r.address);
    this.postcode.push(r.postcode);
    this.town.push(r.town);
    this.phone.push(r.phone);
    this.email.push(r.email);
    this.identifiers.push(r.identifiers);
    this.sex.push(r.sex);
    this.nationality.push(r.nationality);
    return at;
  }

  /** Removes the most recently added record. */
  removeLast(): void {
    const id = this.ids.pop();
    if (id === undefined) return;
    this.idIndex.delete(id);
    this.sourceCounts[this.source.data[--this.source.length]]--;
    for (const c of [this.given, this.surname, this.dob, this.address, this.postcode, this.town, this.phone, this.email, this.identifiers, this.sex, this.nationality] as Column<unknown>[]) {
      c.pop();
    }
  }

  /** The normalised record at an index (for explanations and for copying to workers). */
  normalised(i: number): NormalisedRecord {
    return {
      given: this.given.value(i),
      surname: this.surname.value(i),
      dob: this.dob.value(i),
      address: this.address.value(i),
      postcode: this.postcode.value(i),
      town: this.town.value(i),
      phone: this.phone.value(i),
      email: this.email.value(i),
      identifiers: this.identifiers.value(i),
      sex: this.sex.value(i),
      nationality: this.nationality.value(i),
    };
  }
}
