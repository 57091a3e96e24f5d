/**
 * The vocabulary of investigations and criminal justice outcomes (DOMAIN §6; seed 002 §5 "Bringing perpetrators
 * to justice"; seed 004 ownership of OIC investigations).
 */

export const STATUSES = [
  { code: 'live', label: 'Live' },
  { code: 'suspended', label: 'Suspended' },
  { code: 'charged', label: 'Charged, awaiting trial' },
  { code: 'finished', label: 'Finished' },
  { code: 'no_further_action', label: 'No further action' },
] as const;
export type Status = (typeof STATUSES)[number]['code'];
export const OPEN_STATUSES: readonly Status[] = ['live', 'suspended', 'charged'];
export const CLOSED_STATUSES: readonly Status[] = ['finished', 'no_further_action'];

/** Offences under investigation. */
export const OFFENCES = [
  { code: 'msa_s1', label: 'Slavery, servitude and forced labour (Modern Slavery Act 2015 s1)' },
  { code: 'msa_s2', label: 'Human trafficking (Modern Slavery Act 2015 s2)' },
  { code: 'ia1971_s25', label: 'Assisting unlawful immigration (Immigration Act 1971 s25)' },
  { code: 'ia1971_s24', label: 'Illegal entry or arrival (Immigration Act 1971 s24)' },
  { code: 'drugs', label: 'Drug offences' },
  { code: 'sexual', label: 'Sexual offences (incl. controlling prostitution for gain)' },
  { code: 'violence', label: 'Violence, kidnap, false imprisonment' },
  { code: 'financial', label: 'Fraud, money laundering, minimum wage' },
  { code: 'coercive_control', label: 'Controlling or coercive behaviour' },
  { code: 'other', label: 'Other' },
] as const;

/** Charge groups: the MSA offences and the alternative offences seed 002 found used instead of them. */
export const CHARGE_GROUPS = [
  { code: 'msa_s1', label: 'MSA s1', long: 'Modern Slavery Act s1 (slavery, servitude, forced labour)' },
  { code: 'msa_s2', label: 'MSA s2', long: 'Modern Slavery Act s2 (human trafficking)' },
  { code: 'drugs', label: 'Drugs', long: 'Drug offences' },
  { code: 'sexual', label: 'Sexual', long: 'Sexual offences' },
  { code: 'violence', label: 'Violence', long: 'Violence and offences against the person' },
  { code: 'financial', label: 'Financial', long: 'Financial offences' },
  { code: 'coercive_control', label: 'Coercive control', long: 'Controlling or coercive behaviour' },
  { code: 'immigration', label: 'Immigration', long: 'Immigration offences (incl. s24, s25)' },
  { code: 'other', label: 'Other', long: 'Other offences' },
] as const;
export type ChargeGroup = (typeof CHARGE_GROUPS)[number]['code'];
export const MSA_GROUPS: readonly string[] = ['msa_s1', 'msa_s2'];

export const CHARGE_OUTCOMES = [
  { code: 'pending', label: 'Awaiting outcome' },
  { code: 'convicted', label: 'Convicted' },
  { code: 'acquitted', label: 'Acquitted' },
  { code: 'discontinued', label: 'Discontinued or dismissed' },
] as const;

export const SUBJECT_ROLES = [
  { code: 'principal', label: 'Principal suspect' },
  { code: 'secondary', label: 'Secondary suspect' },
  { code: 'enabler', label: 'Enabler' },
] as const;

export const ENGAGEMENT = [
  { code: 'engaged', label: 'Engaged' },
  { code: 'partly_engaged', label: 'Partly engaged' },
  { code: 'disengaged', label: 'Disengaged' },
  { code: 'not_yet_contacted', label: 'Not yet contacted' },
] as const;

export const ORDER_KINDS = [
  { code: 'stpo', label: 'Slavery and Trafficking Prevention Order (STPO)' },
  { code: 'stro', label: 'Slavery and Trafficking Risk Order (STRO)' },
] as const;
export const ORDER_STATUSES = [
  { code: 'applied', label: 'Applied for' },
  { code: 'granted', label: 'Granted' },
  { code: 'refused', label: 'Refused' },
] as const;

/** Investigation characteristics whose outcomes "what works" compares (seed 002). */
export const CHARACTERISTICS = [
  { code: 'dedicated_team', label: 'Dedicated MSHT team' },
  { code: 'financial_investigation', label: 'Financial investigation' },
  { code: 'victim_navigator', label: 'Victim navigator' },
  { code: 'evidence_led', label: 'Evidence-led (without relying on victim testimony)' },
  { code: 'early_advice', label: 'CPS early advice sought' },
] as const;
export type Characteristic = (typeof CHARACTERISTICS)[number]['code'];

export const labelOf = (list: readonly { code: string; label: string }[], code: string | null | undefined) =>
  (code && list.find((x) => x.code === code)?.label) || (code ?? '');
