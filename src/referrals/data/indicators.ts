import type { IndicatorGroup, IndicatorItem, SeedRef } from './types.js';

/**
 * Frontline indicators of modern slavery, in the seven groups frontline officers named (002, focus groups,
 * n=39). Items are what the officers listed, completed from other passages of the seeds; each item cites its own.
 */

const SIGNS =
  'Identifying the MSHT challenge > Police Understanding of MSHT (signs frontline officers identified)';
const s002 = (quote: string, where = SIGNS): SeedRef => ({ seed: '002', where, quote });

const item = (group: string, slug: string, label: string, seedRef: SeedRef): IndicatorItem => ({
  code: `${group}.${slug}`,
  label,
  seedRef,
});

const PHYSICAL = s002(
  '31% highlighted physical appearance and health. This included poor hygiene, malnourished, limited clothing or new expensive clothing, looking vulnerable and isolated',
);
const BEHAVIOUR = s002(
  '29% identified behaviour and communication: non-verbal, unable to speak English, nervous or reluctant to speak, frequently going missing, or using or selling drugs',
);
const LIVING = s002(
  '33% identified living conditions, including: Squalid conditions, with limited access to food, unable to leave premises',
);
const CONTROL = s002(
  '31% highlighted aspects of control: Lack of access to finances, mobile phones, and possibly no ID or passport',
);
const ISOLATION = s002(
  '16% identified social isolation: Distanced from family and friends with limited relationships, surrounded by others of the same background',
);
const WORK = s002(
  '10% identified work conditions: Working long hours, no control over their working hours, lack health and safety equipment',
);
const FEAR = s002(
  '16% highlighted fear and coercion: Victims may fear authorities or deportation and might be unwilling to speak out and be evasive towards questions.',
);

export const indicatorGroups: readonly IndicatorGroup[] = [
  {
    code: 'physical',
    label: 'Physical appearance and health',
    frontlineShare: 31,
    seedRef: PHYSICAL,
    items: [
      item('physical', 'poor-hygiene', 'Poor hygiene', PHYSICAL),
      item('physical', 'malnourished', 'Malnourished', PHYSICAL),
      item('physical', 'limited-clothing', 'Limited clothing', PHYSICAL),
      item(
        'physical',
        'new-expensive-clothing',
        'New, expensive clothing at odds with circumstances',
        PHYSICAL,
      ),
      item('physical', 'looks-vulnerable', 'Looks vulnerable or isolated', PHYSICAL),
      item('physical', 'injuries', 'Physical or psychological injuries', {
        seed: '000',
        where: 'Partner organisations (Appendix B) > NHS, social care and local authorities',
        quote: 'physical or psychological injuries arising from exploitation',
      }),
      item(
        'physical',
        'dishevelled',
        'Dishevelled, especially a young person who has been missing',
        s002(
          'The YP appeared dishevelled',
          'Evidence-led prosecution for child criminal exploitation: Operation Verdin',
        ),
      ),
    ],
  },
  {
    code: 'behaviour',
    label: 'Behaviour and communication',
    frontlineShare: 29,
    seedRef: BEHAVIOUR,
    items: [
      item('behaviour', 'non-verbal', 'Non-verbal', BEHAVIOUR),
      item('behaviour', 'no-english', 'Unable to speak English', BEHAVIOUR),
      item('behaviour', 'nervous-reluctant', 'Nervous or reluctant to speak', BEHAVIOUR),
      item('behaviour', 'goes-missing', 'Frequently goes missing', BEHAVIOUR),
      item('behaviour', 'drugs', 'Using or selling drugs', BEHAVIOUR),
      item('behaviour', 'misleading-account', 'Gives a misleading or scripted account', {
        seed: '004',
        where: 'Case study 2',
        quote: 'most wouldn’t co-operate and provided misleading accounts',
      }),
      item(
        'behaviour',
        'does-not-see-self-as-victim',
        'Does not see themselves as a victim',
        s002(
          'Victims do not always see themselves as victims.',
          'Challenges with Identification > Contextual Factors',
        ),
      ),
    ],
  },
  {
    code: 'living',
    label: 'Living conditions',
    frontlineShare: 33,
    seedRef: LIVING,
    items: [
      item('living', 'squalid', 'Squalid conditions', LIVING),
      item('living', 'limited-food', 'Limited access to food', LIVING),
      item('living', 'cannot-leave', 'Unable to leave the premises', LIVING),
      item('living', 'hmo', 'Lives in a house in multiple occupation', {
        seed: '000',
        where: 'Partner organisations (Appendix B) > NHS, social care and local authorities',
        quote: 'HMOs, where victims often live',
      }),
      item('living', 'confined-no-bedding', 'Kept in a basement or similar with little food or bedding', {
        seed: '004',
        where: 'Case study 2',
        quote: 'One had been trapped in a basement with limited food or bedding.',
      }),
    ],
  },
  {
    code: 'control',
    label: 'Control (no access to money, phone, ID)',
    frontlineShare: 31,
    seedRef: CONTROL,
    items: [
      item('control', 'no-money', 'No access to their own money or finances', CONTROL),
      item('control', 'no-phone', 'No access to a mobile phone', CONTROL),
      item('control', 'no-id', 'No ID or passport', CONTROL),
      item(
        'control',
        'immigration-status-threat',
        'Immigration status used to control them',
        s002(
          'Immigration status is frequently used as a method to control victims.',
          'Challenges with Identification > Contextual Factors',
        ),
      ),
      item(
        'control',
        'debt-bondage',
        'Owes a debt to those who moved or employ them',
        s002(
          'including a lack of trust, fear of reprisals and sometimes debt bondage',
          'Victim Safeguarding and Engagement',
        ),
      ),
      item(
        'control',
        'repeated-calls',
        'Repeated calls or messages from one controlling number',
        s002(
          'the YP received 18 missed calls from the same number in 30 minutes',
          'Evidence-led prosecution for child criminal exploitation: Operation Verdin',
        ),
      ),
    ],
  },
  {
    code: 'isolation',
    label: 'Social isolation',
    frontlineShare: 16,
    seedRef: ISOLATION,
    items: [
      item('isolation', 'distanced-from-family', 'Distanced from family and friends', ISOLATION),
      item('isolation', 'limited-relationships', 'Few relationships of their own', ISOLATION),
      item(
        'isolation',
        'same-background-group',
        'Surrounded only by others of the same background',
        ISOLATION,
      ),
      item(
        'isolation',
        'hidden-in-household',
        'Kept hidden in a private household (domestic servitude)',
        s002('Domestic Servitude Hidden, Overlaps with VAWG', 'Defining Modern Slavery > Figure 5'),
      ),
    ],
  },
  {
    code: 'work',
    label: 'Work conditions',
    frontlineShare: 10,
    seedRef: WORK,
    items: [
      item('work', 'long-hours', 'Works long hours', WORK),
      item('work', 'no-control-of-hours', 'No control over working hours', WORK),
      item('work', 'no-safety-equipment', 'Lacks health and safety equipment', WORK),
      item(
        'work',
        'high-risk-sector',
        'Works in a sector vulnerable to exploitation (car wash, nail bar, construction, waste, HMO-linked work)',
        {
          seed: '000',
          where: 'Partner organisations (Appendix B) > Fire and rescue services',
          quote:
            'Car washes, restaurants, houses in multiple occupation (HMOs) and nail bars are vulnerable to MSHT.',
        },
      ),
      item(
        'work',
        'below-minimum-wage',
        'Paid below the minimum wage, or supplied through an illegal labour provider',
        {
          seed: '000',
          where: 'Partner organisations (Appendix B) > GLAA',
          quote: 'illegal labour provision',
        },
      ),
    ],
  },
  {
    code: 'fear',
    label: 'Fear and coercion',
    frontlineShare: 16,
    seedRef: FEAR,
    items: [
      item('fear', 'fears-authorities', 'Fears the authorities', FEAR),
      item('fear', 'fears-deportation', 'Fears deportation', FEAR),
      item('fear', 'unwilling-to-speak', 'Unwilling to speak out', FEAR),
      item('fear', 'evasive', 'Evasive when questioned', FEAR),
      item(
        'fear',
        'fears-reprisals',
        'Fears reprisals from the exploiters',
        s002(
          'There is a lack of trust in authority and fear of reprisals from perpetrators.',
          'Challenges with Identification > Contextual Factors',
        ),
      ),
      item(
        'fear',
        'told-will-be-detained',
        'Told they will be detained if they go to the authorities',
        s002(
          'Perpetrators tell victims that if they went to the authorities, they would be detained.',
          'Challenges with Identification > Contextual Factors',
        ),
      ),
      item('fear', 'threats-or-force', 'Threats, force or deception used against them', {
        seed: '001',
        where: '§9',
        quote:
          'Traffickers use threats, force, coercion, abduction, fraud, deception, abuse of power and payment to control their victim.',
      }),
    ],
  },
];

const byCode: ReadonlyMap<string, IndicatorItem> = new Map(
  indicatorGroups.flatMap((g) => g.items.map((i) => [i.code, i] as const)),
);

export function indicatorByCode(code: string): IndicatorItem | undefined {
  return byCode.get(code);
}

/** Which groups a set of observed indicator codes touches; unknown codes are ignored. */
export function groupsTouched(codes: readonly string[]): string[] {
  const groups = new Set(codes.filter((c) => byCode.has(c)).map((c) => c.split('.')[0]));
  return indicatorGroups.map((g) => g.code).filter((g) => groups.has(g));
}
