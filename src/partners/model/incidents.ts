import { RESPONSE_PHASES, responsePlanFor } from '../data/response-plan.js';
import type { IncidentType, ResponsePhase, ResponsePlanItem } from '../data/types.js';

/** Progress through the National Response Plan checklist of one incident. */

export interface Tick {
  itemId: string;
  doneAt: Date | string;
  doneByName: string;
}

export interface PhaseProgress {
  phase: ResponsePhase;
  label: string;
  items: (ResponsePlanItem & { tick: Tick | null })[];
  done: number;
  total: number;
}

export interface ChecklistProgress {
  phases: PhaseProgress[];
  done: number;
  total: number;
  /** Welfare and safety come first (seed 004): later items ticked while a welfare item is still open. */
  welfareOutstanding: boolean;
  complete: boolean;
}

export function checklistProgress(type: IncidentType, ticks: readonly Tick[]): ChecklistProgress {
  const byItem = new Map(ticks.map((t) => [t.itemId, t]));
  const items = responsePlanFor(type);
  const phases = RESPONSE_PHASES.map(({ phase, label }) => {
    const its = items.filter((i) => i.phase === phase).map((i) => ({ ...i, tick: byItem.get(i.id) ?? null }));
    return { phase, label, items: its, done: its.filter((i) => i.tick).length, total: its.length };
  }).filter((p) => p.total > 0);
  const done = phases.reduce((n, p) => n + p.done, 0);
  const total = phases.reduce((n, p) => n + p.total, 0);
  const welfare = phases.find((p) => p.phase === 'welfare-and-safety');
  const laterDone = phases.some((p) => p.phase !== 'welfare-and-safety' && p.done > 0);
  return {
    phases,
    done,
    total,
    welfareOutstanding: !!welfare && welfare.done < welfare.total && laterDone,
    complete: done === total,
  };
}

/** Items of the plan that apply to a type (for validating posted ticks). */
export const planItemIds = (type: IncidentType) => new Set(responsePlanFor(type).map((i) => i.id));

/** The incident reference: INC-<year>-<number>. */
export const incidentReference = (year: number, n: number) => `INC-${year}-${String(n).padStart(5, '0')}`;
