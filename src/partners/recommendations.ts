import { partnerByCode } from './data/directory.js';
import { deriveFacts, recommendPartners, summarisePartners } from './data/recommend.js';
import { partnerRules } from './data/rules.js';
import { SEED_TITLES } from './data/seed-ref.js';
import type { CaseFacts, PublicContact, SeedRef, Urgency } from './data/types.js';
import { coverageOf } from './model/facts.js';

/**
 * What the recommendations partial (views/partials/recommendations.njk) shows: each suggested partner, most
 * urgent first, with how to reach it and every rule (and seed passage) behind the suggestion. Pure: another
 * capability's page calls `recommendationsFor(facts, { caseKind, caseId })` and includes the partial.
 */

export const CASE_KINDS = ['referral', 'intelligence_report', 'investigation', 'incident'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  referral: 'Referral',
  intelligence_report: 'Intelligence report',
  investigation: 'Investigation',
  incident: 'Immigration crime incident',
};
export const isCaseKind = (v: unknown): v is CaseKind =>
  typeof v === 'string' && (CASE_KINDS as readonly string[]).includes(v);

export const URGENCY_LABELS: Record<Urgency, { text: string; tag: string }> = {
  immediately: { text: 'Contact now', tag: 'govuk-tag--red' },
  should: { text: 'Should contact', tag: 'govuk-tag--orange' },
  consider: { text: 'Consider', tag: 'govuk-tag--blue' },
};

/** The directory fields the partial shows; pages pass the live (administrator-edited) entries when they have them. */
export interface DirectoryEntryView {
  code: string;
  name: string;
  shortName: string | null;
  howToReach: string | null;
  available24x7: boolean | null;
  publicContact: PublicContact | null;
  restrictions: readonly string[];
}

export interface SeedPassage {
  seed: string;
  title: string;
  where: string;
  quote: string | null;
}

export interface RuleView {
  id: string;
  title: string;
  urgency: Urgency;
  reason: string;
  route: string | null;
  because: string;
  seed: SeedPassage;
}

export interface PartnerRecommendationView {
  partner: DirectoryEntryView;
  urgency: Urgency;
  urgencyText: string;
  urgencyTag: string;
  rules: RuleView[];
  /** The ruleId to record when the user marks this partner as engaged (the most urgent rule). */
  primaryRuleId: string;
}

export interface RecommendationsView {
  partners: PartnerRecommendationView[];
  /** Facts Fusion worked out from others (age -> child, nationality -> foreign national, ...). */
  derived: string[];
  countries: ReturnType<typeof coverageOf>;
  ruleCount: number;
  caseKind: CaseKind | null;
  caseId: string | null;
  caseKindLabel: string | null;
}

export const seedPassage = (ref: SeedRef): SeedPassage => ({
  seed: ref.seed,
  title: ref.seed === 'DOMAIN' ? 'Fusion domain digest' : SEED_TITLES[ref.seed],
  where: ref.where,
  quote: ref.quote ?? null,
});

export function staticEntry(code: string): DirectoryEntryView {
  const p = partnerByCode(code);
  if (!p)
    return {
      code,
      name: code,
      shortName: null,
      howToReach: null,
      available24x7: null,
      publicContact: null,
      restrictions: [],
    };
  return {
    code,
    name: p.name,
    shortName: p.shortName ?? null,
    howToReach: p.howToReach,
    available24x7: p.available24x7,
    publicContact: p.publicContact,
    restrictions: p.restrictions,
  };
}

const RULE_TITLES = new Map<string, string>(partnerRules.map((r) => [r.id, r.title]));

function derivedSentences(given: CaseFacts, derived: CaseFacts): string[] {
  const out: string[] = [];
  if (given.child === undefined && derived.child !== undefined)
    out.push(
      derived.child
        ? 'The person is a child (under 18), from their age.'
        : 'The person is an adult, from their age.',
    );
  if (given.youngPerson15to23 === undefined && derived.youngPerson15to23)
    out.push('The person is aged 15 to 23, from their age.');
  if (given.foreignNational === undefined && derived.foreignNational !== undefined)
    out.push(
      derived.foreignNational
        ? 'A foreign national is involved, from the nationalities given.'
        : 'Only British nationals are involved, from the nationalities given.',
    );
  if (given.internationalLinks === undefined && derived.internationalLinks)
    out.push('The case has international links, from the countries given.');
  return out;
}

export function recommendationsFor(
  facts: CaseFacts,
  opts: {
    caseKind?: CaseKind | null;
    caseId?: string | null;
    directory?: ReadonlyMap<string, DirectoryEntryView>;
  } = {},
): RecommendationsView {
  const derived = deriveFacts(facts);
  const recs = recommendPartners(facts);
  const byRule = new Map(recs.map((r) => [r.ruleId, r]));
  const partners = summarisePartners(recs).map((s): PartnerRecommendationView => {
    const rules = s.ruleIds.map((id): RuleView => {
      const r = byRule.get(id)!;
      return {
        id,
        title: RULE_TITLES.get(id) ?? id,
        urgency: r.urgency,
        reason: r.reason,
        route: r.route ?? null,
        because: r.because,
        seed: seedPassage(r.seedRef),
      };
    });
    return {
      partner: opts.directory?.get(s.partner) ?? staticEntry(s.partner),
      urgency: s.urgency,
      urgencyText: URGENCY_LABELS[s.urgency].text,
      urgencyTag: URGENCY_LABELS[s.urgency].tag,
      rules,
      primaryRuleId: rules.find((r) => r.urgency === s.urgency)?.id ?? rules[0]!.id,
    };
  });
  return {
    partners,
    derived: derivedSentences(facts, derived),
    countries: coverageOf(derived.countries ?? []),
    ruleCount: recs.length,
    caseKind: opts.caseKind ?? null,
    caseId: opts.caseId ?? null,
    caseKindLabel: opts.caseKind ? CASE_KIND_LABELS[opts.caseKind] : null,
  };
}
