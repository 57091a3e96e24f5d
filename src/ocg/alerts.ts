import { addDays, daysBetween, type Grade, type ScoringConfig } from './scoring.js';

/**
 * The alerts that break the vicious circle (seed 004: no intelligence -> low priority -> no investigation -> no
 * intelligence; rec 7: regularly assess every known OCG). A group is on the assessment list while any alert holds;
 * recording an assessment clears each of them: it sets the next due date, becomes the reference point for "new"
 * intelligence, and counts as activity.
 */

export type AlertKind = 'not_assessed' | 'overdue' | 'new_intelligence' | 'inactive';

export const ALERT_LABELS: Record<AlertKind, string> = {
  not_assessed: 'Never assessed',
  overdue: 'Assessment overdue',
  new_intelligence: 'New intelligence on a low-graded group',
  inactive: 'No activity',
};

export interface GroupActivity {
  status: 'active' | 'archived';
  grade: Grade | null;
  /** ISO dates (YYYY-MM-DD) or null. */
  createdOn: string;
  lastAssessedOn: string | null;
  nextDue: string | null;
  /** Intelligence reports linked after the last assessment (all linked ones if never assessed). */
  newIntelligence: number;
  lastIntelligenceOn: string | null;
  lastDisruptionOn: string | null;
  lastInvestigationOn: string | null;
}

export interface Alert {
  kind: AlertKind;
  label: string;
  detail: string;
  /** Days overdue / days quiet, for sorting. */
  days: number;
}

const latest = (...dates: (string | null)[]) => dates.filter((d): d is string => !!d).sort().at(-1) ?? null;

export function alertsFor(g: GroupActivity, today: string, config: ScoringConfig): Alert[] {
  if (g.status !== 'active') return [];
  const alerts: Alert[] = [];
  if (!g.lastAssessedOn) {
    const due = addDays(g.createdOn, config.firstAssessmentDays);
    const late = daysBetween(due, today);
    alerts.push({
      kind: 'not_assessed',
      label: ALERT_LABELS.not_assessed,
      detail: late > 0 ? `First assessment was due on ${due} (${late} days ago)` : `First assessment due by ${due}`,
      days: late,
    });
  } else if (g.nextDue && g.nextDue < today) {
    const late = daysBetween(g.nextDue, today);
    alerts.push({ kind: 'overdue', label: ALERT_LABELS.overdue, detail: `Due on ${g.nextDue} (${late} days ago)`, days: late });
  }
  if (g.newIntelligence > 0 && (g.grade === null || config.lowGrades.includes(g.grade))) {
    alerts.push({
      kind: 'new_intelligence',
      label: ALERT_LABELS.new_intelligence,
      detail: `${g.newIntelligence} intelligence report${g.newIntelligence === 1 ? '' : 's'} linked since ${g.lastAssessedOn ? `the last assessment (${g.lastAssessedOn})` : 'the group was recorded'}; graded ${g.grade ?? 'not yet'}`,
      days: g.newIntelligence,
    });
  }
  const quietSince = latest(g.createdOn, g.lastAssessedOn, g.lastIntelligenceOn, g.lastDisruptionOn, g.lastInvestigationOn)!;
  const quiet = daysBetween(quietSince, today);
  if (quiet >= config.inactivityDays) {
    alerts.push({
      kind: 'inactive',
      label: ALERT_LABELS.inactive,
      detail: `No intelligence, disruption, investigation or assessment since ${quietSince} (${quiet} days)`,
      days: quiet,
    });
  }
  return alerts;
}

/** Order of the list: never assessed and overdue first, most overdue first; then new intelligence; then quiet. */
export function alertPriority(alerts: Alert[]): number {
  const rank = Math.min(...alerts.map((a) => ['not_assessed', 'overdue', 'new_intelligence', 'inactive'].indexOf(a.kind)));
  return rank;
}
