import type { PartnerCode } from './directory.js';
import type { Condition, PartnerRule } from './types.js';

const APP = 'Partner organisations (Appendix B)';

const isTrue = (fact: Extract<Condition, { is: boolean }>['fact']): Condition => ({ fact, is: true });

const childPotentialVictim: Condition = {
  all: [isTrue('child'), { any: [isTrue('potentialVictim'), { fact: 'exploitationTypes', nonEmpty: true }] }],
};

/**
 * When to call which partner, as declarative rules over CaseFacts. Each rule restates one passage; the
 * urgency follows the seed's own words ("immediately", "should", otherwise "consider"). The list is evaluated by
 * recommendPartners() in recommend.ts.
 */
export const partnerRules = [
  // ---- Immigration Enforcement and the border -----------------------------------------------------------
  {
    id: 'nccu-foreign-national',
    title: 'Foreign national encountered: contact NCCU now',
    when: isTrue('foreignNational'),
    recommend: ['nccu'],
    urgency: 'immediately',
    reason:
      'Police must contact the NCCU as soon as they deal with any foreign national. It is open 24/7, can confirm immigration status from fingerprints and visa records, and can safeguard, refer and signpost to other Home Office teams.',
    seedRef: {
      seed: '000',
      where: `${APP} > Immigration Enforcement National Command and Control Unit (NCCU)`,
      quote: 'NCCU should be contacted immediately when police are dealing with any foreign national person.',
    },
  },
  {
    id: 'nccu-immigration-crime-incident',
    title: 'Suspected immigration crime: contact NCCU and return its intelligence document',
    when: { any: [isTrue('immigrationCrimeIncident'), isTrue('noLegitimateStatus')] },
    recommend: ['nccu'],
    urgency: 'immediately',
    reason:
      'When officers find someone they think entered the UK without clearance, the NCCU agrees with them how the case will progress and connects them to the on-call CFI investigator. The reporting officer must then complete and return the intelligence document the NCCU sends.',
    seedRef: {
      seed: '004',
      where: 'Initial response and reactive investigations > The National Response Plan is working well',
      quote:
        'police officers should contact the National Command and Control Unit (NCCU) when they discover a person they think has entered the UK without clearance.',
    },
  },
  {
    id: 'nccu-operation-planning',
    title: 'MSHT operation being planned: ask NCCU for intelligence',
    when: isTrue('operationPlanned'),
    recommend: ['nccu'],
    urgency: 'consider',
    reason: 'While an MSHT operation is being planned, intelligence requests can be sent to the NCCU.',
    seedRef: {
      seed: '000',
      where: `${APP} > Immigration Enforcement National Command and Control Unit (NCCU)`,
      quote:
        'If a future MSHT operation is in the planning stage, requests for intelligence can be sent to NCCU.',
    },
  },
  {
    id: 'ie-cfi-immigration-linked-msht',
    title: 'MSHT with foreign nationals, document fraud or sham marriage: IE CFI via NCCU',
    when: {
      any: [
        { all: [isTrue('foreignNational'), { fact: 'exploitationTypes', nonEmpty: true }] },
        isTrue('documentFraud'),
        isTrue('shamMarriage'),
      ],
    },
    recommend: ['ie-cfi'],
    urgency: 'consider',
    reason:
      'IE Criminal and Financial Investigation handles high harm, serious and complex cases linked to immigration offences, including MSHT involving foreign nationals, document fraud and sham marriages.',
    route: 'Via NCCU in the first instance.',
    seedRef: {
      seed: '000',
      where: `${APP} > Immigration Enforcement Criminal and Financial Investigation (IE CFI)`,
      quote:
        'This includes MSHT investigations involving foreign nationals, document fraud and sham marriages.',
    },
  },
  {
    id: 'ie-cfi-immigration-offences',
    title: 'Immigration Act s24/s25 offences: IE CFI leads most investigations',
    when: isTrue('immigrationCrimeIncident'),
    recommend: ['ie-cfi'],
    urgency: 'consider',
    reason:
      'IE CFI teams investigate most offences of illegal entry or arrival (s24) and assisting unlawful immigration (s25); the NCCU connects officers with the on-call CFI team member.',
    route: 'Via NCCU, which connects officers with the on-call CFI team member.',
    seedRef: {
      seed: '004',
      where: 'Initial response and reactive investigations > ownership for criminal investigations',
      quote:
        'Immigration Enforcement’s CFI teams take responsibility for investigating most offences under section 24 and 25 of the Immigration Act 1971.',
    },
  },
  {
    id: 'ice-no-legitimate-status',
    title: 'No legitimate status: ICE can locate and safeguard',
    when: isTrue('noLegitimateStatus'),
    recommend: ['ice'],
    urgency: 'consider',
    reason:
      'ICE tracks, locates and detains people with no legitimate status and those facilitating illegal entry, and has a mandate to identify and safeguard potential modern slavery victims. It does not prosecute immigration offences.',
    route: 'Via NCCU.',
    seedRef: {
      seed: '000',
      where: `${APP} > Immigration and Compliance Enforcement (ICE)`,
      quote:
        'ICE tracks, locates and detains those with no legitimate status to be in the UK and those facilitating illegal entry or breaching immigration rules.',
    },
  },
  {
    id: 'border-force-border',
    title: 'Victim at the border, or targets who travel: Border Force',
    when: {
      any: [
        isTrue('borderEnquiryNeeded'),
        { all: [isTrue('potentialVictim'), { fact: 'encounterSetting', in: ['port-or-border'] }] },
      ],
    },
    recommend: ['border-force'],
    urgency: 'consider',
    reason:
      'Border Force leads on safeguarding MSHT victims at UK borders and can gather information for police on interception of targets at the border, manifest checks, travel monitoring and seizures.',
    seedRef: {
      seed: '000',
      where: `${APP} > Border Force`,
      quote:
        'gather information requested by the police in relation to interception of targets at the border, manifest checks, intelligence, travel monitoring and seizures',
    },
  },
  {
    id: 'ukvi-visa-or-asylum',
    title: 'Visa, sponsorship or asylum system involved: UKVI',
    when: { any: [isTrue('visaOrSponsorshipFraud'), isTrue('asylumSeekerOrRefugee')] },
    recommend: ['ukvi'],
    urgency: 'consider',
    reason:
      'UKVI manages the asylum and visa systems; fraudulent visa applications and sponsorship are an important part of MSHT and OIC methods.',
    seedRef: {
      seed: '000',
      where: `${APP} > UK Visas and Immigration (UKVI)`,
      quote:
        'Fraudulent applications and sponsorship of UK visas are an important factor in modern slavery and organised immigration crime methodologies.',
    },
  },
  {
    id: 'ndfu-document-fraud',
    title: 'Suspect documents: National Document Fraud Unit',
    when: isTrue('documentFraud'),
    recommend: ['ndfu'],
    urgency: 'consider',
    reason:
      'The NDFU tells law enforcement whether documents are genuine, forged, counterfeit or fantasy. Its contact details must not be given to the public.',
    seedRef: {
      seed: '000',
      where: `${APP} > National Document Fraud Unit`,
      quote:
        'The National Document Fraud Unit provides information on genuine, forged, counterfeit and fantasy documents to law enforcement agencies nationally and overseas.',
    },
  },
  {
    id: 'embassy-lost-passport',
    title: 'Foreign national with a lost passport: advise them to contact their embassy',
    when: { all: [isTrue('foreignNational'), isTrue('lostPassport')] },
    recommend: ['embassy-or-consulate'],
    urgency: 'should',
    reason:
      'A foreign national asking about a lost passport should be advised to contact their embassy, high commission or consulate (not the NDFU, whose details are not for the public).',
    seedRef: {
      seed: '000',
      where: `${APP} > National Document Fraud Unit`,
      quote:
        'Foreign nationals enquiring about lost passports should be advised to contact their UK embassy, high commission or consulate.',
    },
  },
  // ---- Labour market, benefits and money ------------------------------------------------------------------
  {
    id: 'glaa-labour-exploitation',
    title: 'Labour exploitation enquiry: consider the GLAA',
    when: { any: [{ fact: 'exploitationTypes', includes: 'labour' }, isTrue('wageConcerns')] },
    recommend: ['glaa'],
    urgency: 'should',
    reason:
      'The GLAA is a key partner in any labour exploitation enquiry; it investigates forced labour, illegal labour provision and minimum wage and employment agency offences.',
    seedRef: {
      seed: '000',
      where: `${APP} > Gangmasters and Labour Abuse Authority (GLAA)`,
      quote: 'Engagement or advice from the GLAA should be considered for any labour exploitation enquiry.',
    },
  },
  {
    id: 'dwp-benefit-abuse',
    title: 'Benefit abuse: DWP checks through a financial investigator',
    when: isTrue('benefitAbuse'),
    recommend: ['dwp'],
    urgency: 'should',
    reason:
      'Many MSHT cases abuse the benefits system as a secondary exploitation. DWP can confirm addresses, dates of birth, national insurance numbers and benefits paid, which helps establish legitimate income.',
    route: 'Preferably through a financial investigator (FI).',
    seedRef: {
      seed: '000',
      where: `${APP} > Department for Work and Pensions (DWP)`,
      quote: 'Checks should be made to the DWP, preferably through an FI.',
    },
  },
  {
    id: 'hmrc-financial-enquiries',
    title: 'Income, employers, accounts or assets: HMRC',
    when: isTrue('financialEnquiries'),
    recommend: ['hmrc'],
    urgency: 'consider',
    reason:
      'HMRC can supply legitimate income, employer, business, bank and investment details, and show a gap between taxes paid and income or lifestyle.',
    seedRef: {
      seed: '000',
      where: `${APP} > His Majesty's Revenue and Customs (HMRC)`,
      quote:
        'It can provide evidence to show the disparity between taxes paid and overall income or lifestyle choices.',
    },
  },
  {
    id: 'hmrc-minimum-wage',
    title: 'Pay below the minimum wage: HMRC enforces it',
    when: isTrue('wageConcerns'),
    recommend: ['hmrc'],
    urgency: 'consider',
    reason: 'HMRC is the compliance officer that enforces the national minimum wage.',
    seedRef: {
      seed: '000',
      where: `${APP} > His Majesty's Revenue and Customs (HMRC)`,
      quote: 'HMRC is appointed as the compliance officer to enforce the national minimum wage',
    },
  },
  {
    id: 'jmlit-financial-intelligence',
    title: 'Money laundering or financial intelligence: JMLIT',
    when: { any: [isTrue('moneyLaundering'), isTrue('financialEnquiries')] },
    recommend: ['jmlit'],
    urgency: 'consider',
    reason:
      'JMLIT gives a fast-track response to financial intelligence requests across over 40 financial institutions, including insurance and property, without separate pre-order enquiries to each.',
    route: 'Administered by the NCA; usually requested by a financial investigator.',
    seedRef: {
      seed: '000',
      where: `${APP} > Joint Money Laundering Intelligence Taskforce (JMLIT)`,
      quote:
        'JMLIT removes the requirement for FIs to conduct pre-order enquiries with all financial institutions individually.',
    },
  },
  // ---- Regulators that can disrupt ------------------------------------------------------------------------
  {
    id: 'trading-standards-doorstep-crime',
    title: 'Doorstep crime or substandard home improvements: Trading Standards',
    when: { fact: 'sectors', includesAny: ['doorstep-crime', 'home-improvement'] },
    recommend: ['national-trading-standards'],
    urgency: 'consider',
    reason:
      'Trading Standards investigates doorstep crime, whose offenders may themselves be MSHT victims, and can identify people doing substandard house improvements who may have been targeted by OCGs.',
    seedRef: {
      seed: '000',
      where: `${APP} > National Trading Standards`,
      quote:
        'One of the primary responsibilities for National Trading Standards is the investigation of doorstep crime.',
    },
  },
  {
    id: 'environment-agency-waste-fisheries',
    title: 'Waste industry or fisheries: Environment Agency',
    when: { fact: 'sectors', includesAny: ['waste', 'fisheries'] },
    recommend: ['environment-agency'],
    urgency: 'consider',
    reason:
      'The Environment Agency regulates the waste industry and fisheries, both sectors vulnerable to exploitation.',
    seedRef: {
      seed: '000',
      where: `${APP} > Environment Agency`,
      quote: 'Both of these sectors are vulnerable to exploitation.',
    },
  },
  {
    id: 'hse-high-risk-industries',
    title: 'Construction, manufacturing, waste, car wash or nail bar: HSE',
    when: {
      any: [
        { fact: 'sectors', includesAny: ['construction', 'manufacturing', 'waste', 'car-wash', 'nail-bar'] },
        isTrue('healthAndSafetyConcern'),
      ],
    },
    recommend: ['hse'],
    urgency: 'consider',
    reason:
      'The HSE focuses on industries with poor risk management that are vulnerable to MSHT, has found breaches at car washes and nail bars, and can fine or serve improvement and prohibition notices.',
    seedRef: {
      seed: '000',
      where: `${APP} > Health and Safety Executive (HSE)`,
      quote:
        'These include construction, manufacturing, waste and recycling, all of which are vulnerable to MSHT.',
    },
  },
  {
    id: 'fire-rescue-vulnerable-premises',
    title: 'Car wash, restaurant, HMO or nail bar: fire and rescue service',
    when: {
      any: [
        { fact: 'sectors', includesAny: ['car-wash', 'restaurant', 'hmo', 'nail-bar'] },
        isTrue('fireSafetyConcern'),
      ],
    },
    recommend: ['fire-and-rescue'],
    urgency: 'consider',
    reason:
      'Fire and rescue services have powers to access sites, can evidence fire regulation breaches and close premises with a serious risk to life.',
    seedRef: {
      seed: '000',
      where: `${APP} > Fire and rescue services`,
      quote:
        'Car washes, restaurants, houses in multiple occupation (HMOs) and nail bars are vulnerable to MSHT.',
    },
  },
  {
    id: 'environmental-health-conditions',
    title: 'Poor living or working conditions: Environmental Health',
    when: isTrue('livingOrWorkingConditionsConcern'),
    recommend: ['environmental-health'],
    urgency: 'consider',
    reason:
      'Environmental Health can evidence living or working standards, and noise complaints give a route to disruption.',
    seedRef: {
      seed: '000',
      where: `${APP} > Environmental Health`,
      quote:
        'Environmental Health can evidence living or working standards where concerns are expressed or as a potential disruption around noise complaints.',
    },
  },
  {
    id: 'la-housing-hmo',
    title: 'House in multiple occupation: local authority housing',
    when: { fact: 'sectors', includes: 'hmo' },
    recommend: ['local-authority-housing'],
    urgency: 'consider',
    reason: 'Local authority housing departments may hold information on HMOs, where victims often live.',
    seedRef: {
      seed: '000',
      where: `${APP} > National Health Service, social care and local authorities`,
      quote:
        'Housing departments in local authorities may have information on HMOs, where victims often live.',
    },
  },
  // ---- International ------------------------------------------------------------------------------------------
  {
    id: 'europol-via-siena',
    title: 'Country covered by Europol: Europol via SIENA',
    when: { fact: 'countries', someIn: 'europol' },
    recommend: ['europol'],
    urgency: 'should',
    reason:
      'Where a country of origin or a country visited is a Europol member or has an operational agreement with Europol, enquiries should go to Europol via SIENA (in consultation with the JICC).',
    route:
      "SIENA, through your force's international liaison officer, force intelligence bureau, ROCU or the NCA international desk.",
    seedRef: {
      seed: '000',
      where: `${APP} > Secure Information Exchange Network Application (SIENA)`,
      quote:
        'Where the country of origin or countries visited are members of Europol or one of the additional states with operational agreements, enquiries should be made with Europol via SIENA.',
    },
  },
  {
    id: 'jicc-country-not-covered-by-europol',
    title: 'Country not covered by Europol: JICC (not SIENA)',
    when: { fact: 'countries', someNotIn: 'europol' },
    recommend: ['jicc'],
    urgency: 'should',
    reason:
      'For a country outside Europol and its operational-agreement states, SIENA is not the route: check with the JICC, which has a police-only 24/7 contact point and force-based advisors.',
    route: 'The JICC national police-only 24/7 contact point or your force-based advisor.',
    seedRef: {
      seed: '000',
      where: `${APP} > Joint International Crime Centre (JICC)`,
      quote: 'For countries not covered by Europol, officers should check with the JICC.',
    },
  },
  {
    id: 'jicc-consult-international',
    title: 'Any international enquiry: consult the JICC',
    when: { any: [isTrue('internationalLinks'), { fact: 'countries', nonEmpty: true }] },
    recommend: ['jicc'],
    urgency: 'should',
    reason:
      'Every international enquiry, including those through Europol, should also be made in consultation with the JICC.',
    seedRef: {
      seed: '000',
      where: `${APP} > Other useful partners > Europol`,
      quote:
        'All international enquiries, including those mentioned above, should additionally be made in consultation with the Joint International Crime Centre (JICC).',
    },
  },
  {
    id: 'acro-foreign-convictions',
    title: 'Foreign national: check overseas convictions through ACRO',
    when: isTrue('foreignNational'),
    recommend: ['acro'],
    urgency: 'consider',
    reason:
      'ACRO exchanges conviction information with EU member states and, through Interpol channels, with other Interpol countries.',
    route: 'Through the systems available in your force.',
    seedRef: {
      seed: '000',
      where: `${APP} > UK Central Authority for the Exchange of Criminal Records (UKCA-ECR)`,
      quote: 'ACRO checks should be conducted through the systems available in individual forces.',
    },
  },
  // ---- Organised crime -------------------------------------------------------------------------------------
  {
    id: 'nca-organised-crime',
    title: 'Organised crime group suspected: NCA',
    when: isTrue('organisedCrimeSuspected'),
    recommend: ['nca'],
    urgency: 'consider',
    reason: 'MSHT is a priority for the NCA, which has a dedicated MSHT threat leadership team.',
    route: 'Through your ROCU, the primary interface between forces and the NCA.',
    seedRef: {
      seed: '000',
      where: `${APP} > National Crime Agency (NCA)`,
      quote: 'remains a priority for the NCA, who have a dedicated MSHT threat leadership team',
    },
  },
  {
    id: 'nca-complex-oic',
    title: 'Complex, overseas or online facilitation: NCA leads',
    when: {
      all: [
        isTrue('immigrationCrimeIncident'),
        {
          any: [
            isTrue('organisedCrimeSuspected'),
            isTrue('internationalLinks'),
            { fact: 'encounterSetting', in: ['online'] },
          ],
        },
      ],
    },
    recommend: ['nca'],
    urgency: 'consider',
    reason:
      'The NCA investigates the most complex facilitation offences (s25) and leads overseas and online investigations.',
    seedRef: {
      seed: '004',
      where: 'Initial response and reactive investigations > ownership for criminal investigations',
      quote:
        'The NCA investigates the most complex facilitation offences (section 25 of the Immigration Act 1971), and leads overseas and online investigations.',
    },
  },
  {
    id: 'gain-organised-crime',
    title: 'Organised crime group suspected: share through GAIN',
    when: isTrue('organisedCrimeSuspected'),
    recommend: ['gain'],
    urgency: 'consider',
    reason:
      'GAIN shares information and intelligence on serious and organised crime between government agencies, law enforcement and sometimes the private sector.',
    seedRef: {
      seed: '000',
      where: `${APP} > Government Agency Intelligence Network (GAIN)`,
      quote: 'to help tackle the threat from serious and organised crime',
    },
  },
  // ---- Health, children and support --------------------------------------------------------------------
  {
    id: 'nhs-health-needs',
    title: 'Physical or psychological injuries: NHS',
    when: isTrue('healthNeeds'),
    recommend: ['nhs'],
    urgency: 'consider',
    reason:
      'Many victims need health support for physical or psychological injuries, and health services may hold information useful to the investigation.',
    seedRef: {
      seed: '000',
      where: `${APP} > National Health Service, social care and local authorities`,
      quote:
        'Many victims require health support due to physical or psychological injuries arising from exploitation.',
    },
  },
  {
    id: 'social-care-child',
    title: 'A child is involved: children’s social care now',
    when: isTrue('child'),
    recommend: ['childrens-social-care'],
    urgency: 'immediately',
    reason:
      "Every child victim is supported by children's social care, which manages unaccompanied children under child safeguarding procedures; police deal with safety concerns, particularly for children, from the first response.",
    seedRef: {
      seed: '000',
      where: `${APP} > National Health Service, social care and local authorities`,
      quote: 'All children who are victims are supported by social care',
    },
  },
  {
    id: 'nspcc-child-trafficking-advice',
    title: 'Concern that a child has been trafficked: NSPCC CTAC',
    when: childPotentialVictim,
    recommend: ['nspcc'],
    urgency: 'consider',
    reason:
      "The NSPCC's child trafficking advice centre guides professionals concerned that a child has been trafficked.",
    seedRef: {
      seed: '000',
      where: `${APP} > NSPCC`,
      quote:
        'child trafficking and advice centre (CTAC) provides guidance to professionals concerned that a child has been trafficked.',
    },
  },
  {
    id: 'barnardos-ictg',
    title: 'Child potential victim: Independent Child Trafficking Guardian',
    when: childPotentialVictim,
    recommend: ['barnardos'],
    urgency: 'consider',
    reason:
      "Where available, an Independent Child Trafficking Guardian (Barnardo's) advocates for the child so their best interests shape public authorities' decisions.",
    seedRef: {
      seed: '000',
      where: `${APP} > Barnardo's`,
      quote: 'where available, advocate on behalf of the child',
    },
  },
  {
    id: 'ecpat-young-person',
    title: 'Aged 15 to 23 and trafficked to the UK: ECPAT',
    when: {
      all: [
        isTrue('youngPerson15to23'),
        { any: [isTrue('traffickedToUk'), { all: [isTrue('foreignNational'), isTrue('potentialVictim')] }] },
      ],
    },
    recommend: ['ecpat'],
    urgency: 'consider',
    reason:
      'ECPAT gives advice and assistance, with local authority services, to people aged 15 to 23 trafficked to the UK, including a youth group, ESOL, mentoring and help with compensation.',
    route: 'youth@ecpat.org.uk or 020 7607 2136.',
    seedRef: {
      seed: '000',
      where: `${APP} > Every Child Protected Against Trafficking (ECPAT)`,
      quote:
        'If a person aged 15 to 23 years is trafficked to the UK, [ECPAT](#) can provide advice and assistance in conjunction with local authority services.',
    },
  },
  {
    id: 'salvation-army-adult-support',
    title: 'Adult potential victim in England or Wales: Salvation Army support',
    when: {
      all: [
        isTrue('potentialVictim'),
        { fact: 'child', is: false },
        { not: { fact: 'ukNation', in: ['scotland', 'northern-ireland'] } },
      ],
    },
    recommend: ['salvation-army'],
    urgency: 'consider',
    reason:
      'The Salvation Army provides and manages specialist support for all adult MSHT victims in England and Wales under the government contract.',
    route: 'Confidential referral helpline 0300 303 8151.',
    seedRef: {
      seed: '000',
      where: `${APP} > The Salvation Army`,
      quote:
        'provides and manages the delivery of specialist support, through the MSVCC, for all adult victims of MSHT in England and Wales through a government contract.',
    },
  },
  {
    id: 'helpline-advice',
    title: 'Potential victim: Modern Slavery and Exploitation Helpline for advice',
    when: isTrue('potentialVictim'),
    recommend: ['modern-slavery-helpline'],
    urgency: 'consider',
    reason:
      'The helpline (run by Unseen) gives specialist help, advice and support about MSHT to safeguard potential victims.',
    route: '08000 121 700.',
    seedRef: {
      seed: '000',
      where: `${APP} > Modern Slavery and Exploitation Helpline`,
      quote: 'advice and support about MSHT to safeguard potential victims',
    },
  },
  {
    id: 'medaille-first-responder',
    title: 'No first responder involved: the Medaille Trust can identify and support',
    when: { all: [isTrue('potentialVictim'), { fact: 'reporterIsFirstResponder', is: false }] },
    recommend: ['medaille-trust'],
    urgency: 'consider',
    reason:
      'The Medaille Trust is a designated first responder organisation whose trained staff can identify and support potential victims.',
    seedRef: {
      seed: '000',
      where: `${APP} > The Medaille Trust`,
      quote: 'The Medaille Trust is a designated first responder organisation',
    },
  },
  {
    id: 'red-cross-emergency-provisions',
    title: 'Reception centre or emergency provisions: Red Cross',
    when: { fact: 'supportNeeds', includesAny: ['emergency-provisions', 'reception-centre'] },
    recommend: ['red-cross'],
    urgency: 'consider',
    reason:
      'The Red Cross can help run a reception centre and provide food, clothes, blankets and emotional support.',
    route: 'antitrafficking@redcross.org.uk',
    seedRef: {
      seed: '000',
      where: `${APP} > The Red Cross`,
      quote: 'The Red Cross can also assist with a reception centre.',
    },
  },
  {
    id: 'htf-local-services',
    title: 'Finding local support services: Human Trafficking Foundation directory',
    when: { fact: 'supportNeeds', includesAny: ['local-services', 'accommodation'] },
    recommend: ['human-trafficking-foundation'],
    urgency: 'consider',
    reason:
      'The Human Trafficking Foundation keeps a directory and interactive map of charity and local authority services across the country.',
    seedRef: {
      seed: '000',
      where: `${APP} > Human Trafficking Foundation`,
      quote:
        'has a directory and an interactive map of charity and local authority services available nationally',
    },
  },
  {
    id: 'iom-migration-advice',
    title: 'Migration advice needed: IOM',
    when: { fact: 'supportNeeds', includes: 'migration-advice' },
    recommend: ['iom'],
    urgency: 'consider',
    reason: 'The IOM advises migrants, refugees and migrant workers, and governments, on migration.',
    route: '0207 811 6000 or iomuk@iom.int.',
    seedRef: {
      seed: '000',
      where: `${APP} > International Organisation for Migration (IOM)`,
      quote: 'The IOM provides services and advice concerning migration to governments and migrants',
    },
  },
  {
    id: 'refugee-council-asylum',
    title: 'Refugee or asylum seeker: Refugee Council',
    when: isTrue('asylumSeekerOrRefugee'),
    recommend: ['refugee-council'],
    urgency: 'consider',
    reason: 'The Refugee Council is a charity working with refugees and people seeking asylum in the UK.',
    seedRef: {
      seed: '000',
      where: `${APP} > Refugee Council`,
      quote: 'The Refugee Council is a charity working with refugees and people seeking asylum in the UK.',
    },
  },
] as const satisfies readonly PartnerRule<PartnerCode>[];

export type PartnerRuleId = (typeof partnerRules)[number]['id'];
