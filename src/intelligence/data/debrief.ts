import type { DebriefPrompt, DebriefRule, DebriefSection, DebriefSubject, SeedRef } from './types.js';

/**
 * One debrief structure for victims, migrants and offenders, so that one agency's debrief gathers what every
 * agency needs (001 §53, Annex A action 13). The four sections are the seed's; the prompts are Fusion's wording,
 * each tied to the passage that says why the answer matters.
 */

const S53: SeedRef = {
  seed: '001',
  where: '§53',
  quote:
    'when one agency carries out a de-brief, they are gathering the information needed by all agencies – from recruitment, to transit route, to how they crossed the UK border, to activity within the UK.',
};
const JDT = 'Improvements should be made to the intelligence debriefing process for arriving migrants';
const DEVICES: SeedRef = {
  seed: '004',
  where: 'Electronic devices should be examined for intelligence',
  quote:
    'Migrants’ electronic devices may have valuable information about the criminals they have been in contact with before crossing, how they paid them, the modes of travel and the routes used.',
};

const p = (id: string, text: string, purpose: string, seedRef: SeedRef): DebriefPrompt => ({
  id,
  text,
  purpose,
  seedRef,
});

export const DEBRIEF_SUBJECTS: readonly DebriefSubject[] = ['victim', 'migrant', 'offender'];

export const debriefSections: readonly DebriefSection[] = [
  {
    code: 'recruitment',
    order: 1,
    title: 'Recruitment',
    purpose:
      'How and why the person came to be moved: who recruited them, with what promises, at what price.',
    seedRef: S53,
    prompts: [
      p(
        'recruitment.origin',
        'Where were you living before you left, and why did you decide to leave?',
        'Source countries and the vulnerabilities traffickers use.',
        {
          seed: '001',
          where: '§52',
          quote: 'we need to increase our understanding of how and why people become victims of trafficking',
        },
      ),
      p(
        'recruitment.first-contact',
        'Who first approached you, or whom did you approach? How: in person, by phone, online or through an advert?',
        'Recruiters and online advertising.',
        {
          seed: '004',
          where: 'Work has been carried out to remove online advertising of illegal migration',
          quote: 'It has worked with social media companies to target criminals advertising online.',
        },
      ),
      p(
        'recruitment.promises',
        'What were you promised: work, pay, study, a better life?',
        'Deception used to recruit.',
        {
          seed: '001',
          where: '§7',
          quote:
            'Victims may travel to the UK willingly, in the belief that they are destined for a better life, including paid work',
        },
      ),
      p(
        'recruitment.papers',
        'Who arranged your passport, visa or other papers, and were they genuine?',
        'Document and visa facilitation.',
        {
          seed: '004',
          where: 'Case study 2',
          quote: 'Criminals had helped all of them to obtain UK visas and make travel arrangements.',
        },
      ),
      p(
        'recruitment.cost',
        'What did the journey cost, who paid, and do you or your family still owe anyone?',
        'Payments and debt bondage.',
        {
          seed: '004',
          where: 'Definitions of terms used in this report',
          quote: 'then finds themselves in debt to the criminals',
        },
      ),
      p(
        'recruitment.coercion',
        'Were you or your family threatened, forced or tricked at any point?',
        'Means of control: the difference between smuggling and trafficking.',
        {
          seed: '001',
          where: '§9',
          quote:
            'Traffickers use threats, force, coercion, abduction, fraud, deception, abuse of power and payment to control their victim.',
        },
      ),
    ],
  },
  {
    code: 'transit-route',
    order: 2,
    title: 'Transit route',
    purpose: 'The route and the people along it: countries, transport, facilitators, payments.',
    seedRef: S53,
    prompts: [
      p(
        'route.countries',
        'Which countries did you pass through, in what order, and how long were you in each?',
        'Routes, for upstream disruption with overseas partners.',
        {
          seed: '004',
          where: 'Case study 2',
          quote: 'Some had travelled through other countries such as Germany and Turkey.',
        },
      ),
      p(
        'route.transport',
        'How did you travel each stage: plane, lorry, car, train or boat?',
        'Modes of travel.',
        DEVICES,
      ),
      p(
        'route.facilitators',
        'Who organised each stage or went with you? Can you give their names, nicknames, phone numbers, nationalities and roles?',
        'Who the criminals are and how they are organised.',
        {
          seed: '004',
          where: JDT,
          quote:
            'Personnel concentrate on gathering intelligence about the criminals behind OIC, who they are, their structures and the methods they use to get people into the UK.',
        },
      ),
      p(
        'route.payments',
        'How was each stage paid for: cash, bank transfer, money transfer agent or an informal system? To whom?',
        'Financial lines of enquiry, including alternative banking.',
        {
          seed: '004',
          where: 'The NCA has specialist teams investigating OIC',
          quote: 'the use of alternative banking systems made investigations difficult',
        },
      ),
      p(
        'route.stops',
        'Where were you kept or housed on the way, and by whom?',
        'Safe houses and staging points.',
        S53,
      ),
      p(
        'route.companions',
        'Who travelled with you? Were there children, and were they with their families?',
        'Other potential victims, especially children.',
        {
          seed: '004',
          where: 'Case study 2',
          quote: 'As most of them were children at the time there was concern for their safety.',
        },
      ),
    ],
  },
  {
    code: 'border-crossing',
    order: 3,
    title: 'Border crossing',
    purpose: 'How the person crossed into the UK and who made it possible.',
    seedRef: S53,
    prompts: [
      p(
        'crossing.method',
        'How did you enter the UK: by small boat, hidden in a vehicle, by air, through Ireland, or on a visa?',
        'The entry method (and the OIC identifier code to attach).',
        {
          seed: '004',
          where: 'Introduction > Background',
          quote:
            'These include clandestine entry by hiding in vehicles, abuse of the visa system and abuse of the Common Travel Area between the UK and the Republic of Ireland.',
        },
      ),
      p(
        'crossing.where-when',
        'Where and when did you leave the last country, and where and when did you arrive?',
        'Times and places to match with other intelligence.',
        S53,
      ),
      p(
        'crossing.pilot-driver',
        'Who drove or steered, and how was that person chosen?',
        'Identifying the pilot, driver or agent.',
        {
          seed: '004',
          where: JDT,
          quote: 'they suspect that the migrant was the boat pilot or an agent',
        },
      ),
      p(
        'crossing.equipment',
        'Where did the boat, engine, life jackets or vehicle come from, and who supplied them?',
        'Supply of equipment, a target for disruption.',
        {
          seed: '004',
          where:
            'Equipment and property recovered following small boat crossings is being considered for potential evidence and intelligence',
          quote:
            'Staff also carry out checks on items such as the boats and engines to try to establish where they were manufactured and who had purchased them.',
        },
      ),
      p(
        'crossing.documents',
        'What documents did you show, if any, and whose were they?',
        'False or borrowed identities.',
        {
          seed: '001',
          where: '§77',
          quote:
            'A significant number of trafficking victims enter the UK illegally with false documents or by clandestine entry.',
        },
      ),
      p(
        'crossing.instructions',
        'What were you told to do or whom to contact once you arrived?',
        'The hand-over to UK-based members of the group.',
        S53,
      ),
    ],
  },
  {
    code: 'activity-in-uk',
    order: 4,
    title: 'Activity in the UK',
    purpose: 'What happened after arrival: who, where, what work, what control, what connections.',
    seedRef: S53,
    prompts: [
      p(
        'uk.met-by',
        'Who met you, and where were you taken?',
        'UK-based facilitators and first addresses.',
        S53,
      ),
      p(
        'uk.living',
        'Where have you lived, with whom, and who controls the address?',
        'Addresses, often houses in multiple occupation.',
        {
          seed: '000',
          where: 'Partner organisations (Appendix B) > NHS, social care and local authorities',
          quote: 'HMOs, where victims often live',
        },
      ),
      p(
        'uk.work',
        'What work have you done, where, for whom, and how were you paid?',
        'Employers, sectors and labour exploitation.',
        {
          seed: '000',
          where: 'Partner organisations (Appendix B) > GLAA',
          quote: 'It is a key partner in any labour exploitation enquiry.',
        },
      ),
      p(
        'uk.control',
        'Does anyone keep your documents, money or phone, or tell you where you may go?',
        'Control indicators.',
        {
          seed: '002',
          where: 'Police Understanding of MSHT (signs frontline officers identified)',
          quote: 'Lack of access to finances, mobile phones, and possibly no ID or passport',
        },
      ),
      p(
        'uk.threats',
        'Have you or your family been threatened since you arrived? Do you owe money here?',
        'Risk to the person and grounds for safeguarding.',
        {
          seed: '002',
          where: 'Challenges with Identification > Contextual Factors',
          quote: 'There is a lack of trust in authority and fear of reprisals from perpetrators.',
        },
      ),
      p(
        'uk.others',
        'Do you know other people in the same situation, and where they are?',
        'Other victims and the wider network.',
        {
          seed: '001',
          where: '§88',
          quote: 'may find valuable intelligence about organised crime networks',
        },
      ),
      p(
        'uk.identifiers',
        'Can you give names, phone numbers, vehicles, addresses or accounts of anyone involved?',
        'Entities to link across agencies.',
        {
          seed: '002',
          where: 'Technological Infrastructure & Multi-Agency Intelligence Sharing',
          quote: 'Modern slavery is seen as a network-based problem',
        },
      ),
    ],
  },
];

/** Conditions every debrief is held under. */
export const debriefRules: readonly DebriefRule[] = [
  {
    id: 'voluntary-confidential',
    text: 'Debriefs are voluntary and confidential: the person may decline or stop at any time.',
    seedRef: { seed: '004', where: JDT, quote: 'All intelligence debriefs are confidential and voluntary' },
  },
  {
    id: 'not-twice',
    text: 'Before debriefing, check whether another agency has debriefed or plans to debrief the person; co-ordinate so nobody is debriefed twice.',
    seedRef: {
      seed: '004',
      where: JDT,
      quote:
        'there was a risk of multiple agencies trying to speak to the same person or inexperienced personnel going to carry out the interviews',
    },
  },
  {
    id: 'qualified-staff',
    text: 'Debriefs are carried out by the most suitable and qualified staff.',
    seedRef: {
      seed: '004',
      where: 'Recommendation 3',
      quote:
        'co-ordinating migrant debriefs between the various agencies to make sure that the most suitable and qualified staff carry them out',
    },
  },
  {
    id: 'under-16',
    text: 'Children under 16 are not debriefed unless another agency requests it.',
    seedRef: {
      seed: '004',
      where: JDT,
      quote: 'They don’t debrief children under 16 unless requested by other agencies.',
    },
  },
  {
    id: 'children-multi-agency',
    text: 'Any debrief of a child is multi-agency, with support from CEOP and the NSPCC where necessary, and takes the child’s vulnerability into account.',
    seedRef: {
      seed: '001',
      where: '§106',
      quote:
        'Where children are involved in de-briefing this activity will be delivered in a multi-agency framework with support and guidance from CEOP and the NSPCC’s Child Trafficking Advice and Information Line where necessary.',
    },
  },
  {
    id: 'children-recount-once',
    text: 'A child must not be asked to recount their experience to one agency after another.',
    seedRef: {
      seed: '001',
      where: '§107',
      quote: 'child victims are not unnecessarily asked to recount their experiences to different agencies',
    },
  },
  {
    id: 'interpreter',
    text: 'Arrange an interpreter in the person’s language before the debrief.',
    seedRef: {
      seed: '004',
      where: JDT,
      quote:
        'This is for several reasons, including the volume of arrivals, lack of suitable facilities and availability of interpreters.',
    },
  },
  {
    id: 'share-centrally',
    text: 'Record the debrief in the shared structure so it serves every agency, and share it centrally for analysis.',
    seedRef: {
      seed: '001',
      where: '§53',
      quote:
        'Information collated will be passed to UKHTC, as the central repository of data on trafficking, analysed, and used to inform relevant posts upstream.',
    },
  },
];

export function debriefSection(code: DebriefSection['code']): DebriefSection {
  const section = debriefSections.find((s) => s.code === code);
  if (!section) throw new Error(`Unknown debrief section ${code}`);
  return section;
}

/**
 * Whether a person may be debriefed now: under-16s only when another agency asks. An unknown age is treated as
 * possibly under 16, so the age (or age assessment) has to be recorded first.
 */
export function mayDebrief(ageYears: number | null, requestedByAnotherAgency = false): boolean {
  if (requestedByAnotherAgency) return true;
  return ageYears !== null && Number.isFinite(ageYears) && ageYears >= 16;
}
