import type { Course } from './types.js';

const TRAINING_SPECIALIST = 'Organisational learning > Training for specialist personnel';

/**
 * Training the seeds name, for tracking completion per force. The first two are the courses HMICFRS asks every
 * Home Office force to complete (004 recommendations 8 and 9).
 */
export const courses: readonly Course[] = [
  {
    code: 'hydra-oic',
    name: 'Hydra training package on organised immigration crime',
    threat: 'OIC',
    provider:
      'Modern Slavery & Organised Immigration Crime Unit (MSOICU), arranged by ROCU OIC co-ordinators',
    format: 'immersive',
    audience: 'Primarily managers and investigators; some frontline personnel',
    description:
      'Technology-based, immersive exercise in which attendees deal with a fictional clandestine lorry-drop incident.',
    modules: [],
    recommendedBy: '004-R8',
    figures: [
      '23 training sessions to 316 attendees in the year ending April 2024',
      '93 trainers from 31 police forces trained by the MSOICU to deliver it in their own forces',
    ],
    status: 'available',
    seedRef: {
      seed: '004',
      where:
        'Police forces should more widely use the Modern Slavery & Organised Immigration Crime Unit training package',
      quote:
        'This is a technology-based, immersive training method that allows attendees to deal with a fictional clandestine lorry-drop incident.',
    },
  },
  {
    code: 'oic-elearning',
    name: 'Organised immigration crime e-learning (College Learn)',
    threat: 'OIC',
    provider:
      'College of Policing (College Learn), developed by the MSOICU and the Metropolitan Police Service',
    format: 'e-learning',
    audience:
      'Frontline personnel and investigators most likely to deal with immigration crime incidents such as lorry drops',
    description: 'Awareness course of four short modules.',
    modules: [
      {
        code: 'oic-elearning-1',
        title: 'Introduction to OIC',
        coverage:
          'an introduction to OIC, how it occurs and the implications for the UK if it isn’t tackled effectively',
        seedRef: {
          seed: '004',
          where: 'The College of Policing is providing some training for frontline personnel',
          quote:
            'an introduction to OIC, how it occurs and the implications for the UK if it isn’t tackled effectively',
        },
      },
      {
        code: 'oic-elearning-2',
        title: 'Legislation and powers',
        coverage: 'the legislation and powers available to police officers when dealing with an OIC incident',
        seedRef: {
          seed: '004',
          where: 'The College of Policing is providing some training for frontline personnel',
          quote: 'the legislation and powers available to police officers when dealing with an OIC incident',
        },
      },
      {
        code: 'oic-elearning-3',
        title: 'Incident types, investigative mindset and partners',
        coverage:
          'the different types of incidents and adopting an investigative mindset when dealing with OIC, plus the role of the Home Office and other partner agencies',
        seedRef: {
          seed: '004',
          where: 'The College of Policing is providing some training for frontline personnel',
          quote:
            'the different types of incidents and adopting an investigative mindset when dealing with OIC, plus the role of the Home Office and other partner agencies',
        },
      },
      {
        code: 'oic-elearning-4',
        title: 'Inland incident case study',
        coverage:
          'an OIC-related case study where course participants explore how they would deal with an OIC-related incident inland',
        seedRef: {
          seed: '004',
          where: 'The College of Policing is providing some training for frontline personnel',
          quote:
            'an OIC-related case study where course participants explore how they would deal with an OIC-related incident inland',
        },
      },
    ],
    recommendedBy: '004-R9',
    figures: [
      'Completion varies from over 4,000 officers (Greater Manchester Police) to single figures in other forces',
    ],
    status: 'available',
    seedRef: {
      seed: '004',
      where: 'The College of Policing is providing some training for frontline personnel',
      quote: 'There are four short modules covering:',
    },
  },
  {
    code: 'north-west-rocu-oic',
    name: 'North West ROCU OIC training',
    threat: 'OIC',
    provider: 'North West ROCU',
    format: 'classroom',
    audience: 'Police forces in the North West region',
    description:
      'Document abuse, abuse of legitimate means to enter and remain, clandestine entry, recording intelligence and the response to clandestine lorry drops.',
    modules: [],
    recommendedBy: null,
    figures: [],
    status: 'available',
    seedRef: {
      seed: '004',
      where:
        'Police forces should more widely use the Modern Slavery & Organised Immigration Crime Unit training package',
      quote:
        'This training covered matters such as document abuse, abuse of legitimate means to enter and remain, clandestine entry, recording intelligence and the required response to clandestine lorry drops.',
    },
  },
  {
    code: 'combined-msht-oic-2025',
    name: 'Combined OIC and modern slavery training programme 2025/26',
    threat: 'MSHT and OIC',
    provider: 'MSOICU (training co-ordinator)',
    format: 'programme',
    audience: 'Police forces',
    description: 'Planned combined programme managed by a new MSOICU training co-ordinator.',
    modules: [],
    recommendedBy: null,
    figures: [],
    status: 'planned',
    seedRef: {
      seed: '004',
      where:
        'Police forces should more widely use the Modern Slavery & Organised Immigration Crime Unit training package',
      quote:
        'The unit was planning to introduce a training co-ordinator to manage a combined OIC and modern slavery training programme for 2025/26.',
    },
  },
  {
    code: 'msht-frontline-awareness',
    name: 'Modern slavery frontline awareness training (force-delivered)',
    threat: 'MSHT',
    provider: 'Police forces',
    format: 'classroom',
    audience: 'Frontline officers',
    description:
      'Force training on recognising MSHT; 22% of frontline officers in the 2025 focus groups had none, and some had one hour in ten years.',
    modules: [],
    recommendedBy: '002-R9',
    figures: [
      'Frontline officers: 22% no training, 49% some training, 24% victim liaison officer training, 5% in dedicated roles (n=41)',
      '46% of MS Leads agree the right people have had the right training; 38% disagree (n=37)',
    ],
    status: 'available',
    seedRef: {
      seed: '002',
      where: 'Identifying the MSHT challenge > Training',
      quote: '22% of frontline officers reported having had no training',
    },
  },
  {
    code: 'victim-liaison-officer',
    name: 'Victim liaison officer training',
    threat: 'MSHT',
    provider: 'Police forces',
    format: 'classroom',
    audience: 'Officers supporting victims',
    description:
      'Specialist training for officers who support victims, build trust and keep them safeguarded.',
    modules: [],
    recommendedBy: null,
    figures: ['24% of frontline officers in the focus groups had victim liaison officer training'],
    status: 'available',
    seedRef: {
      seed: '002',
      where: 'Investigating and disrupting > Victim Safeguarding and Engagement',
      quote:
        'Victim Liaison Officers (VLOs) are specially trained police officers who support victims, build trust, and ensure safeguarding.',
    },
  },
  {
    code: 'pip2',
    name: 'Professionalising Investigation Programme level 2 (PIP2)',
    threat: 'MSHT and OIC',
    provider: 'Police forces; IE Criminal and Financial Investigation',
    format: 'accreditation',
    audience: 'Investigators of MSHT and immigration crime',
    description:
      'Specialist investigative accreditation expected of MSHT investigators; IE CFI aims to train all its investigators to level two.',
    modules: [],
    recommendedBy: null,
    figures: [],
    status: 'available',
    seedRef: {
      seed: '004',
      where: TRAINING_SPECIALIST,
      quote:
        'they aimed to train all their investigators to level two of the professionalising investigations programme (PIP).',
    },
  },
  {
    code: 'wales-oc-mds-course',
    name: 'Wales organised crime and modern day slavery course',
    threat: 'MSHT',
    provider: 'Wales anti-slavery partnership (Welsh Government Training Framework)',
    format: 'classroom',
    audience: 'Partners in Wales',
    description:
      'Quality-assured course approved to core competency levels; trainer returns record disclosures made during training for the intelligence picture.',
    modules: [],
    recommendedBy: null,
    figures: [],
    status: 'available',
    seedRef: {
      seed: '003',
      where: 'What good work is happening now? > Training',
      quote:
        'Wales has established an organised crime and modern day slavery course, and has introduced a quality assurance framework for training.',
    },
  },
  {
    code: 'iasc-frontline-videos',
    name: 'IASC frontline awareness videos',
    threat: 'MSHT',
    provider: 'Independent Anti-Slavery Commissioner with South East England Councils and NHS England',
    format: 'video',
    audience: 'Local councils, health professionals and emergency services',
    description: 'Three videos on spotting the signs and identifying victims.',
    modules: [],
    recommendedBy: null,
    figures: [],
    status: 'available',
    seedRef: {
      seed: '003',
      where: 'What good work is happening now? > Training',
      quote: 'produced a set of three videos',
    },
  },
  {
    code: 'gov-uk-ms-training-resources',
    name: 'Modern slavery training resource page (GOV.UK)',
    threat: 'MSHT',
    provider: 'UK Government',
    format: 'resource',
    audience: 'Anyone training frontline staff',
    description:
      'Government web page giving easy access to modern slavery training materials (October 2017).',
    modules: [],
    recommendedBy: null,
    figures: [],
    status: 'available',
    seedRef: {
      seed: '003',
      where: 'What good work is happening now? > Training',
      quote: 'was created on the Government web-site to provide easy access to training materials',
    },
  },
];

export function courseByCode(code: string): Course | undefined {
  return courses.find((c) => c.code === code);
}

/** Courses an inspection recommends every relevant officer completes. */
export function recommendedCourses(): Course[] {
  return courses.filter((c) => c.recommendedBy?.startsWith('004-') ?? false);
}
