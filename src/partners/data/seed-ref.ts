/**
 * Where a reference fact comes from, so a page can show "why".
 *
 * Every data module in partners, performance, referrals and intelligence cites one of the five source
 * documents in /work/shared/seeds by its id. 'DOMAIN' is the team digest (/work/shared/docs/DOMAIN.md),
 * used only where no seed states the fact; such items also carry `basis: 'domain-knowledge'`.
 */
export type SeedId = '000' | '001' | '002' | '003' | '004';

export interface SeedRef {
  readonly seed: SeedId | 'DOMAIN';
  /** Section heading, paragraph number, figure, recommendation or appendix entry. */
  readonly where: string;
  /** A short verbatim extract (whitespace-normalised) when the passage has one worth quoting. */
  readonly quote?: string;
}

/**
 * Whether an item restates a seed, or is knowledge the seed does not contain (labelled so pages can say so),
 * or wording/codes Fusion itself defines on a seed's basis.
 */
export type Basis = 'seed' | 'domain-knowledge' | 'fusion-defined';

export const SEED_TITLES: Readonly<Record<SeedId, string>> = {
  '000': 'College of Policing APP (Feb 2026), Partner organisations (Appendix B)',
  '001': "Human Trafficking: The Government's Strategy (Home Office, 2011)",
  '002':
    'Policing response to modern slavery: how has it changed in the last 10 years? (Leapwise for the IASC, July 2025)',
  '003':
    'Collaborating for freedom: anti-slavery partnerships in the UK (IASC and University of Nottingham, 2017)',
  '004': 'Improving the response to organised immigration crime (HMICFRS, May 2025)',
};
