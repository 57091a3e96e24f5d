import { z } from 'zod';
import { measureById } from '../data/governance-figures.js';

/**
 * Governance signals of a force's response (seed 002, DOMAIN §8): is MSHT (and, kept separate, OIC) in the force
 * control strategy; does the force hold governance meetings and have performance measures; is there a dedicated
 * team and where does it sit. Pure: labels, validation and the counts set beside seed 002's percentages.
 */
export const ANSWERS = ['yes', 'no', 'unsure'] as const;
export type Answer = (typeof ANSWERS)[number];
export const ANSWER_LABELS: Record<Answer, string> = { yes: 'Yes', no: 'No', unsure: 'Unsure' };

export const SIGNALS = [
  {
    key: 'msht_in_control_strategy',
    label: 'MSHT in the force control strategy',
    seedId: 'msht-in-control-strategy',
  },
  { key: 'oic_in_control_strategy', label: 'OIC in the force control strategy', seedId: null },
  {
    key: 'governance_meetings',
    label: 'Governance meetings monitor the response',
    seedId: 'governance-meetings',
  },
  {
    key: 'performance_measures',
    label: 'Performance measures track the response',
    seedId: 'performance-measures',
  },
  { key: 'dedicated_team', label: 'Dedicated MSHT team', seedId: 'dedicated-teams' },
] as const;
export type SignalKey = (typeof SIGNALS)[number]['key'];

export const TEAM_LOCATIONS = [
  { value: 'fib', text: 'Force Intelligence Bureau' },
  { value: 'safeguarding', text: 'Safeguarding or vulnerabilities' },
  { value: 'soc', text: 'Serious organised crime' },
  { value: 'exploitation', text: 'Dedicated exploitation team' },
  { value: 'cid', text: 'CID' },
  { value: 'operational', text: 'Embedded in operational teams' },
  { value: 'unclear', text: 'Unclear' },
] as const;
export const teamLocationLabel = (v: string | null) => TEAM_LOCATIONS.find((t) => t.value === v)?.text ?? '';

export const MEETING_FREQUENCIES = [
  { value: 'monthly', text: 'Monthly' },
  { value: 'bi-monthly', text: 'Every two months' },
  { value: 'quarterly', text: 'Quarterly' },
  { value: 'ad-hoc', text: 'When needed' },
] as const;

export const SignalsInput = z
  .object({
    msht_in_control_strategy: z.enum(ANSWERS),
    oic_in_control_strategy: z.enum(ANSWERS),
    governance_meetings: z.enum(ANSWERS),
    meeting_frequency: z
      .enum(MEETING_FREQUENCIES.map((m) => m.value) as [string, ...string[]])
      .nullable()
      .default(null),
    performance_measures: z.enum(ANSWERS),
    dedicated_team: z.enum(ANSWERS),
    team_location: z
      .enum(TEAM_LOCATIONS.map((t) => t.value) as [string, ...string[]])
      .nullable()
      .default(null),
    notes: z.string().trim().max(2000).default(''),
    as_of: z.iso.date(),
    version: z.number().int().positive().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.dedicated_team === 'yes' && !v.team_location)
      ctx.addIssue({
        code: 'custom',
        path: ['team_location'],
        message: 'Select where the dedicated team sits',
      });
    if (v.dedicated_team !== 'yes' && v.team_location)
      ctx.addIssue({
        code: 'custom',
        path: ['team_location'],
        message: 'Only a force with a dedicated team says where it sits',
      });
    if (v.governance_meetings !== 'yes' && v.meeting_frequency)
      ctx.addIssue({
        code: 'custom',
        path: ['meeting_frequency'],
        message: 'Only a force that holds governance meetings says how often',
      });
  });
export type SignalsInput = z.infer<typeof SignalsInput>;

export type SignalRow = Record<SignalKey, Answer> & { force_code: string; team_location: string | null };

export interface SignalCount {
  key: SignalKey;
  label: string;
  forces: number;
  yes: number;
  no: number;
  unsure: number;
  /** Share answering yes, 0-100, one decimal. */
  yesPercent: number | null;
  /** Seed 002's published share (MS leads survey, spring 2025), when it has one. */
  seedPercent: number | null;
}

const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : null);

/** Counts of yes / no / unsure for each signal, beside seed 002's published percentage. */
export function signalCounts(rows: readonly SignalRow[]): SignalCount[] {
  return SIGNALS.map((s) => {
    const yes = rows.filter((r) => r[s.key] === 'yes').length;
    const no = rows.filter((r) => r[s.key] === 'no').length;
    const unsure = rows.filter((r) => r[s.key] === 'unsure').length;
    return {
      key: s.key,
      label: s.label,
      forces: rows.length,
      yes,
      no,
      unsure,
      yesPercent: pct(yes, rows.length),
      seedPercent: s.seedId ? (measureById(s.seedId)?.value ?? null) : null,
    };
  });
}

/** Where dedicated teams sit, counted. */
export function teamLocationCounts(rows: readonly SignalRow[]) {
  return TEAM_LOCATIONS.map((t) => ({
    value: t.value,
    label: t.text,
    forces: rows.filter((r) => r.dedicated_team === 'yes' && r.team_location === t.value).length,
  }));
}
