/**
 * Scores record pairs with a trained model: sum of per-level weights log2(m/u), term-frequency
 * adjustments on exact agreement, and the vetoes that stop a pair being linked whatever its weight.
 */
import { DATE_ONE_EDIT, DIFFERENT, IDENTIFIER_ONE_EDIT, MISSING, NAME_CLOSE } from './comparators.js';
import { C_DOB, C_EMAIL, C_GIVEN, C_IDENTIFIERS, C_PHONE, C_RESIDENCE, C_SURNAME, COMPARISONS, compareRecords, log2Odds, type MatchModel, NUM_COMPARISONS, probabilityFromWeight } from './model.js';
import type { Column, RecordStore } from './store.js';
import { tfAdjustment } from './tf.js';
import type { Explanation } from './types.js';

export interface ScorerOptions {
  /**
   * Identifier types (e.g. "passport", "nino") that are unique to a person: two records holding
   * different values of one of these types are never linked.
   */
  strictIdentifierTypes?: readonly string[];
  /**
   * People of one household (family, HMO, victims housed together) share a surname, an address and
   * often a phone, and the model, which treats fields as independent, would add that up. When on
   * (default) and no identifier agrees (exactly or within one keystroke), a pair is never linked when its given names differ
   * and its dates of birth do not agree (exactly, within one edit or as a day-month swap), when its
   * dates of birth differ and its given names do not agree (at least "close"), or when both given
   * names and dates of birth are missing from one side.
   */
  householdGuard?: boolean;
}

export const VETO_HOUSEHOLD = 'given name or date of birth differs and the other does not agree (household guard)';
export const VETO_NAMESAKE = 'dates of birth differ and no identifier, phone or e-mail agrees (namesake guard)';
export const VETO_IDENTIFIER = 'different values of a unique identifier';

export class Scorer {
  readonly weights: Float64Array[];
  readonly exactLevel: number[];
  readonly uExact: number[];
  readonly priorWeight: number;
  readonly threshold: number;
  /** Match weight (excluding prior) a pair needs to reach the threshold. */
  readonly minWeight: number;
  private readonly strictTypes: readonly string[];
  private readonly householdGuard: boolean;

  constructor(
    readonly model: MatchModel,
    opts: ScorerOptions = {},
  ) {
    this.weights = model.comparisons.map(
      (c) => new Float64Array(c.levels.map((l, i) => (i === MISSING ? 0 : Math.log2(l.m / l.u)))),
    );
    this.exactLevel = model.comparisons.map((c) => c.levels.length - 1);
    this.uExact = model.comparisons.map((c) => c.levels[c.levels.length - 1].u);
    this.priorWeight = log2Odds(model.lambda);
    this.threshold = model.threshold;
    this.minWeight = log2Odds(model.threshold) - this.priorWeight;
    this.strictTypes = opts.strictIdentifierTypes ?? [];
    this.householdGuard = opts.householdGuard ?? true;
  }

  /**
   * Term-frequency bits for exact agreement of comparison c on record i's value (`swapped`: record
   * i holds its given name and surname the other way round, so they are read crosswise).
   */
  tf(store: RecordStore, c: number, i: number, swapped = false): number {
    if (!COMPARISONS[c].tf) return 0;
    let col = store.column(COMPARISONS[c].field) as Column<unknown>;
    if (swapped && c === C_GIVEN) col = store.surname;
    else if (swapped && c === C_SURNAME) col = store.given;
    return tfAdjustment(this.uExact[c], col.count(i), col.nonNull);
  }

  /** Match weight (bits, without the prior) of a pair whose levels are already in `levels`. */
  weightOf(store: RecordStore, i: number, levels: Uint8Array, swapped = false): number {
    let w = 0;
    for (let c = 0; c < NUM_COMPARISONS; c++) {
      const l = levels[c];
      w += this.weights[c][l];
      if (l === this.exactLevel[c] && COMPARISONS[c].tf) w += this.tf(store, c, i, swapped);
    }
    return w;
  }

  probability(weight: number): number {
    return probabilityFromWeight(weight + this.priorWeight);
  }

  /** A reason the pair must not be linked, or null. */
  veto(store: RecordStore, i: number, j: number, levels: Uint8Array): string | null {
    const idLevel = levels[C_IDENTIFIERS];
    if (this.householdGuard && idLevel < IDENTIFIER_ONE_EDIT) {
      const g = levels[C_GIVEN];
      const d = levels[C_DOB];
      const givenAgrees = g >= NAME_CLOSE;
      const dobAgrees = d >= DATE_ONE_EDIT;
      if ((g === DIFFERENT && !dobAgrees) || (d === DIFFERENT && !givenAgrees) || (g === MISSING && d === MISSING)) {
        return VETO_HOUSEHOLD;
      }
      // Namesakes: common names recur (the demo population showed "Emil Popa" born 1988 and 1995 linked at 0.98),
      // and EM cannot tell a namesake from a person recorded twice when names carry most of the weight. Dates of
      // birth further apart than two edits, a transposition or a day-month swap mean two people unless something
      // personal (an identifier, an exact phone or e-mail) says otherwise.
      if (d === DIFFERENT) {
        const contact = levels[C_PHONE] === this.exactLevel[C_PHONE] || levels[C_EMAIL] === this.exactLevel[C_EMAIL];
        if (!contact) return VETO_NAMESAKE;
      }
    }
    if (this.strictTypes.length > 0 && idLevel !== MISSING && conflictingStrictIdentifier(store, i, j, this.strictTypes)) {
      return VETO_IDENTIFIER;
    }
    return null;
  }

  explain(store: RecordStore, i: number, j: number, levels: Uint8Array, swapped: boolean): Explanation {
    let matchWeight = 0;
    const comparisons = COMPARISONS.map((spec, c) => {
      const l = levels[c];
      const tfAdj = l === this.exactLevel[c] && spec.tf ? this.tf(store, c, i, swapped) : 0;
      matchWeight += this.weights[c][l] + tfAdj;
      const col = store.column(spec.field);
      let left = col.value(i);
      let right = col.value(j);
      if (swapped && c <= 1) left = (c === C_GIVEN ? store.surname : store.given).value(i);
      if (c === C_RESIDENCE) {
        left = residenceText(store, i);
        right = residenceText(store, j);
      }
      return {
        comparison: spec.name,
        level: l,
        label: this.model.comparisons[c].levels[l].label,
        weight: this.weights[c][l],
        tfAdjustment: tfAdj,
        left,
        right,
      };
    });
    const veto = this.veto(store, i, j, levels);
    return {
      priorWeight: this.priorWeight,
      matchWeight,
      probability: veto ? 0 : this.probability(matchWeight),
      comparisons,
      veto,
      namesSwapped: swapped,
    };
  }

  /** Levels and weight for a pair in one call (levels written into `levels`). */
  score(store: RecordStore, i: number, j: number, levels: Uint8Array): number {
    const swapped = compareRecords(store, i, j, levels);
    return this.weightOf(store, i, levels, swapped);
  }
}

function conflictingStrictIdentifier(store: RecordStore, i: number, j: number, types: readonly string[]): boolean {
  const a = store.identifiers.feature(i);
  const b = store.identifiers.feature(j);
  if (!a || !b) return false;
  for (const t of types) {
    const prefix = t + ':';
    const va = a.values.filter((v) => v.startsWith(prefix));
    const vb = b.values.filter((v) => v.startsWith(prefix));
    if (va.length && vb.length && !va.some((v) => vb.includes(v))) return true;
  }
  return false;
}

function residenceText(store: RecordStore, i: number): string | null {
  const parts = [store.address.value(i), store.postcode.value(i), store.town.value(i)].filter((v) => v !== null);
  return parts.length ? parts.join(', ') : null;
}
