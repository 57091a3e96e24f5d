import type { GoldenHourStep, SeedRef } from './types.js';

/**
 * The "golden hour": a simple, standard first response to a potential victim of modern slavery, as seed 002 asks
 * for (executive-summary recommendation 9, "Strengthen, simplify, and reinforce the frontline model"; section 7
 * recommendation 5). The seed names its basics - identify vulnerability, gain trust, safeguard - but does not
 * write the steps out; Fusion orders them from the passages cited on each step. An interpreter comes before
 * building trust because trust cannot be built in a language the person does not understand.
 */

const GOLDEN_HOUR: SeedRef = {
  seed: '002',
  where:
    'How could the response to modern slavery be improved? > Identifying the modern slavery challenge > The frontline response',
  quote:
    "the basics of recognition and response – identifying vulnerability, gaining trust, and safeguarding – can be achieved through the implementation of a simple and standardised 'golden hour' response.",
};
const VERDIN = 'Evidence-led prosecution for child criminal exploitation: Operation Verdin > Lessons Learned';

export const goldenHourSteps: readonly GoldenHourStep[] = [
  {
    order: 1,
    id: 'make-safe',
    title: 'Make the person safe',
    summary:
      'Deal with danger and urgent health needs first. If the person may be a child, treat them as a child until you know otherwise.',
    actions: [
      'Remove the person from immediate danger and get medical help for injuries or illness.',
      'Check whether there are other people, especially children, at the scene.',
      'If a child is in custody, treat them as a victim first and safeguard them.',
    ],
    partners: ['nhs', 'childrens-social-care'],
    basis: 'seed',
    seedRefs: [
      GOLDEN_HOUR,
      {
        seed: '000',
        where: 'Partner organisations (Appendix B) > NHS',
        quote:
          'Many victims require health support due to physical or psychological injuries arising from exploitation.',
      },
      {
        seed: '002',
        where: VERDIN,
        quote:
          'Approach the child as a victim, not a suspect, and prioritise safeguarding while they are in custody',
      },
    ],
  },
  {
    order: 2,
    id: 'recognise',
    title: 'Look for the signs',
    summary:
      'Go through the seven indicator groups. Look beyond what you are first shown: coercion is often hidden, and victims may not see themselves as victims.',
    actions: [
      'Check physical appearance and health, behaviour, living conditions, control (money, phone, ID), isolation, work conditions and fear.',
      'Ask yourself whether vulnerability has led the person into crime under someone else’s control.',
      'Record the indicators you see; they support the referral and the intelligence report.',
    ],
    partners: [],
    basis: 'seed',
    seedRefs: [
      {
        seed: '002',
        where: 'How could the response to modern slavery be improved? > The frontline response',
        quote:
          'Recognising the signs of coercive control requires looking beyond what is immediately presented.',
      },
      {
        seed: '002',
        where: 'Challenges with Identification > Contextual Factors',
        quote: 'Victims do not always see themselves as victims.',
      },
    ],
  },
  {
    order: 3,
    id: 'interpreter',
    title: 'Get an interpreter',
    summary:
      'Most victims police meet are foreign nationals. Use a professional interpreting service such as Language Line.',
    actions: [
      'Find out which language the person is most comfortable in.',
      'Use your force’s professional interpreting service (for example Language Line, over 200 languages).',
      'Speak to the person away from anyone who may be controlling them.',
    ],
    partners: [],
    basis: 'seed',
    seedRefs: [
      {
        seed: '002',
        where: 'Community Engagement',
        quote:
          'MS Leads and frontline officers frequently reported that most victims they encounter are foreign nationals, as reflected in the 77% referred to the NRM.',
      },
      {
        seed: '002',
        where: 'Community Engagement',
        quote:
          'a telephone and app-based interpreting service contracted by police forces, to provide real-time access to professional interpreters in over 200 languages',
      },
      {
        seed: '001',
        where: '§102',
        quote:
          'We will continue to routinely question children and any accompanying adults to confirm there is no exploitative relationship.',
      },
    ],
  },
  {
    order: 4,
    id: 'gain-trust',
    title: 'Build trust',
    summary:
      'Victims often fear the authorities, deportation and reprisals, and may have been told they will be detained. Explain who you are, what happens next and what support exists.',
    actions: [
      'Explain that you are there to help and that support is available.',
      'Do not treat the person as a suspect for offences they may have been compelled to commit (Modern Slavery Act s45 defence).',
      'Bring in an NGO or victim navigator to help keep the person engaged.',
    ],
    partners: ['modern-slavery-helpline'],
    basis: 'seed',
    seedRefs: [
      GOLDEN_HOUR,
      {
        seed: '002',
        where: 'Challenges with Identification > Contextual Factors',
        quote: 'There is a lack of trust in authority and fear of reprisals from perpetrators.',
      },
      {
        seed: '002',
        where: 'Varying Prioritisation of MSHT Sub-Threats',
        quote:
          'The MSA introduced the Section 45 defence which provides a legal defence for individuals coerced into committing a crime as a result of being a victim of MSHT.',
      },
      {
        seed: '002',
        where: VERDIN,
        quote: 'Involve partners such as NGOs to support with victim engagement',
      },
    ],
  },
  {
    order: 5,
    id: 'foreign-national-nccu',
    title: 'Foreign national? Call NCCU now',
    summary:
      'If the person or anyone else involved is a foreign national, contact the NCCU straight away (24/7), then return the intelligence document it sends you.',
    actions: [
      'Contact the Immigration Enforcement National Command and Control Unit (NCCU).',
      'Tell them you have a potential victim; they help safeguard and refer, not only enforce.',
      'Complete and return the NCCU intelligence document.',
    ],
    partners: ['nccu'],
    basis: 'seed',
    seedRefs: [
      {
        seed: '000',
        where: 'Partner organisations (Appendix B) > NCCU',
        quote:
          'NCCU should be contacted immediately when police are dealing with any foreign national person.',
      },
      {
        seed: '004',
        where: 'Recommendation 2',
        quote: 'the reporting officer completes and submits the required intelligence document',
      },
    ],
  },
  {
    order: 6,
    id: 'safeguard',
    title: 'Safeguard',
    summary:
      'Children go to children’s social care; adults are offered specialist support and somewhere safe to stay.',
    actions: [
      'Child: refer to local authority children’s social care now; ask the NSPCC child trafficking advice centre for guidance; request an Independent Child Trafficking Guardian where available.',
      'Adult in England or Wales: contact the Salvation Army referral helpline for specialist support.',
      'Need emergency provisions or a reception centre: contact the Red Cross.',
      'Check safe accommodation: British nationals may otherwise only join the council housing list.',
    ],
    partners: [
      'childrens-social-care',
      'nspcc',
      'barnardos',
      'salvation-army',
      'red-cross',
      'human-trafficking-foundation',
    ],
    basis: 'seed',
    seedRefs: [
      GOLDEN_HOUR,
      {
        seed: '000',
        where: 'Partner organisations (Appendix B) > social care',
        quote: 'All children who are victims are supported by social care',
      },
      {
        seed: '000',
        where: 'Partner organisations (Appendix B) > The Salvation Army',
        quote:
          'provides and manages the delivery of specialist support, through the MSVCC, for all adult victims of MSHT in England and Wales through a government contract.',
      },
      {
        seed: '002',
        where: 'Victim Safeguarding and Engagement',
        quote:
          'finding housing can be complex, particularly for British nationals who join local council housing lists',
      },
    ],
  },
  {
    order: 7,
    id: 'refer-or-notify',
    title: 'NRM referral or Duty to Notify',
    summary:
      'Refer to the National Referral Mechanism: a child without needing consent, an adult only with their consent. If an adult does not consent, a public authority must still notify the Home Office (Duty to Notify), anonymously.',
    actions: [
      'Child: make the NRM referral; consent is not needed.',
      'Adult who consents: make the NRM referral as a first responder.',
      'Adult who does not consent: submit a Duty to Notify without identifying details.',
      'If you are not a first responder, ask one (for example the Medaille Trust) to refer.',
    ],
    partners: ['medaille-trust'],
    basis: 'seed',
    seedRefs: [
      {
        seed: '002',
        where: 'Background of the Modern Slavery Act (2015)',
        quote: 'Established a legal duty to report potential victims of trafficking to the Home Office.',
      },
      {
        seed: '002',
        where: 'Indicators of Prioritisation',
        quote:
          'ensuring victims of MSHT are identified and subsequently prioritised through National Referral Mechanism (NRM) referrals, should they consent to support',
      },
      {
        seed: 'DOMAIN',
        where: '§3 Identification and referral',
        quote:
          'An adult who does not consent is reported by public authorities under the Duty to Notify (DtN) - anonymously',
      },
      {
        seed: '000',
        where: 'Partner organisations (Appendix B) > The Medaille Trust',
        quote: 'The Medaille Trust is a designated first responder organisation',
      },
    ],
  },
  {
    order: 8,
    id: 'call-partners',
    title: 'Call the right partners',
    summary:
      'Know your critical partners. Fusion suggests them from the facts of the case: for example the GLAA for any labour exploitation, DWP checks through a financial investigator for benefit abuse, the JICC for countries outside Europol.',
    actions: [
      'Enter what you know (nationality, age, type of work, countries involved) to see recommended partners with the reason for each.',
      'Call anyone marked "immediately" before you leave the scene.',
    ],
    partners: ['glaa', 'dwp', 'jicc', 'europol', 'modern-slavery-helpline'],
    basis: 'seed',
    seedRefs: [
      {
        seed: '002',
        where: 'The UK’s first organ trafficking conviction > Lessons Learned',
        quote: 'Know your critical partners: Identifying who will support the investigation is essential',
      },
      {
        seed: '000',
        where: 'Partner organisations (Appendix B) > GLAA',
        quote: 'Engagement or advice from the GLAA should be considered for any labour exploitation enquiry.',
      },
    ],
  },
  {
    order: 9,
    id: 'secure-evidence',
    title: 'Secure evidence quickly',
    summary:
      'Evidence that shows control can carry a prosecution without the victim’s testimony. Secure phones and other material early, using your powers.',
    actions: [
      'Secure phones and analyse them quickly to show who controls the person.',
      'Note calls or messages from controlling numbers, cash, and documents held by others.',
    ],
    partners: [],
    basis: 'seed',
    seedRefs: [
      {
        seed: '002',
        where: VERDIN,
        quote:
          'Quickly secure and analyse the phone data to identify control of the child and gather evidence',
      },
      {
        seed: '002',
        where: VERDIN,
        quote: 'Work with the CPS to demonstrate the feasibility of charges without victim testimony',
      },
    ],
  },
  {
    order: 10,
    id: 'record-intelligence',
    title: 'Record it as intelligence',
    summary:
      'Submit what you learned as graded intelligence with the right crime identifier codes, so it can be found and linked; referral data is otherwise not used for intelligence.',
    actions: [
      'Submit an intelligence report, graded and with the MSHT (and, only if it applies, the OIC) identifier code.',
      'Link people, phones, vehicles and addresses you recorded.',
    ],
    partners: [],
    basis: 'seed',
    seedRefs: [
      {
        seed: '002',
        where: 'Identification of Modern Slavery Victims',
        quote:
          'the data collected through these processes is not utilised to support intelligence building or investigations',
      },
      {
        seed: '004',
        where: 'Law enforcement agencies should submit intelligence more accurately to improve data quality',
        quote:
          'Identifier codes attached to PND submissions make it easier to search for and retrieve information.',
      },
    ],
  },
];

export function goldenHourStep(id: string): GoldenHourStep | undefined {
  return goldenHourSteps.find((s) => s.id === id);
}
