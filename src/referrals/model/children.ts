/**
 * The children's path (DOMAIN §4; seed 001 §38, §97-99): children's services of the local authority are notified
 * of every child referral, an Independent Child Trafficking Guardian (ICTG) is requested where the area has the
 * service, and episodes of going missing from care are recorded for the multi-agency review.
 *
 * Where ICTGs operate changes as the service is rolled out; the seeds do not list the areas. This list of police
 * force areas is Fusion's working list (basis: domain knowledge of the rollout, England and Wales) and is the one
 * place to update.
 */
export const ICTG_FORCE_AREAS: readonly string[] = [
  'gmp',
  'hampshire-and-isle-of-wight',
  'west-midlands',
  'warwickshire',
  'west-mercia',
  'staffordshire',
  'essex',
  'met',
  'city-of-london',
  'kent',
  'lancashire',
  'merseyside',
  'cheshire',
  'cumbria',
  'derbyshire',
  'nottinghamshire',
  'leicestershire',
  'west-yorkshire',
  'south-yorkshire',
  'humberside',
  'north-yorkshire',
  'northumbria',
  'durham',
  'cleveland',
  'bedfordshire',
  'hertfordshire',
  'cambridgeshire',
  'north-wales',
  'south-wales',
  'gwent',
  'dyfed-powys',
];

export const ictgAvailable = (forceCode: string | null | undefined) => !!forceCode && ICTG_FORCE_AREAS.includes(forceCode);

/** Which open or recent missing episodes the multi-agency group reviews: still missing, or back within the window. */
export function needsMultiAgencyReview(
  episode: { wentMissingAt: string; returnedAt: string | null },
  nowIso: string,
  windowDays = 28,
): boolean {
  if (!episode.returnedAt) return true;
  const ms = new Date(nowIso).getTime() - new Date(episode.returnedAt).getTime();
  return ms <= windowDays * 86_400_000;
}

/** Whether a recorded episode is coherent: it cannot end before it starts, or start or end in the future. */
export function episodeProblem(wentMissingAt: string, returnedAt: string | null, nowIso: string): { field: string; message: string } | null {
  const start = new Date(wentMissingAt).getTime();
  const now = new Date(nowIso).getTime();
  if (Number.isNaN(start)) return { field: 'wentMissingAt', message: 'Enter when the child went missing.' };
  if (start > now + 60_000) return { field: 'wentMissingAt', message: 'When the child went missing cannot be in the future.' };
  if (returnedAt) {
    const end = new Date(returnedAt).getTime();
    if (Number.isNaN(end)) return { field: 'returnedAt', message: 'Enter when the child returned as a date and time.' };
    if (end < start) return { field: 'returnedAt', message: 'The child cannot have returned before they went missing.' };
    if (end > now + 60_000) return { field: 'returnedAt', message: 'When the child returned cannot be in the future.' };
  }
  return null;
}
