/**
 * Building blocks of the intelligence demo data: names by nationality (with the spellings other agencies use),
 * typical routes to the UK (001, 004), report text by crime identifier code, and the agencies that write each.
 * Everything here is synthetic; phone numbers are in Ofcom's drama ranges.
 */

export interface NamePool {
  given: string[];
  family: string[];
}

/** Given and family names by nationality (ISO alpha-2). */
export const NAMES: Record<string, NamePool> = {
  AL: {
    given: [
      'Ardit',
      'Besnik',
      'Dritan',
      'Elion',
      'Gentian',
      'Klodian',
      'Arben',
      'Erion',
      'Fatjon',
      'Alketa',
      'Blerina',
      'Elira',
    ],
    family: ['Hoxha', 'Krasniqi', 'Berisha', 'Shehu', 'Gashi', 'Dervishi', 'Leka', 'Marku', 'Kola', 'Prifti'],
  },
  VN: {
    given: [
      'Van An',
      'Thi Lan',
      'Van Minh',
      'Duc Anh',
      'Thi Hoa',
      'Van Hung',
      'Quang Huy',
      'Thi Mai',
      'Van Long',
      'Thanh Tung',
    ],
    family: ['Nguyen', 'Tran', 'Pham', 'Le', 'Hoang', 'Vu', 'Dang', 'Bui', 'Do', 'Ngo'],
  },
  ER: {
    given: ['Tesfay', 'Yonas', 'Dawit', 'Senait', 'Filmon', 'Abel', 'Mehari', 'Helen', 'Kidane', 'Robel'],
    family: [
      'Gebremedhin',
      'Haile',
      'Tesfamariam',
      'Kidane',
      'Berhe',
      'Ghebreyesus',
      'Woldu',
      'Tekle',
      'Asfaha',
      'Mehari',
    ],
  },
  SD: {
    given: [
      'Mohammed',
      'Ahmed',
      'Osman',
      'Abdelrahman',
      'Ibrahim',
      'Mustafa',
      'Yousif',
      'Hamid',
      'Khalid',
      'Adam',
    ],
    family: [
      'Al-Hassan',
      'Abdallah',
      'Osman',
      'Ibrahim',
      'Mohamed',
      'Elamin',
      'Yagoub',
      'Ismail',
      'Babiker',
      'Musa',
    ],
  },
  AF: {
    given: [
      'Ahmad',
      'Mohammad',
      'Rahim',
      'Farid',
      'Sayed',
      'Naveed',
      'Jawad',
      'Habib',
      'Zabihullah',
      'Wahid',
    ],
    family: [
      'Ahmadi',
      'Rahimi',
      'Hakimi',
      'Karimi',
      'Noori',
      'Sultani',
      'Stanekzai',
      'Popal',
      'Safi',
      'Amiri',
    ],
  },
  IQ: {
    given: ['Karwan', 'Rebin', 'Shwan', 'Dilshad', 'Hemin', 'Aram', 'Bakhtiyar', 'Sirwan', 'Zana', 'Hawre'],
    family: ['Ahmed', 'Hama', 'Aziz', 'Rasul', 'Karim', 'Mahmood', 'Qadir', 'Salih', 'Omar', 'Faraj'],
  },
  IR: {
    given: ['Reza', 'Amir', 'Hossein', 'Mehdi', 'Saeed', 'Ali', 'Navid', 'Omid', 'Babak', 'Kian'],
    family: [
      'Ahmadi',
      'Hosseini',
      'Karimi',
      'Mohammadi',
      'Rezaei',
      'Moradi',
      'Jafari',
      'Rostami',
      'Sadeghi',
      'Kazemi',
    ],
  },
  SY: {
    given: ['Mohammad', 'Ahmad', 'Omar', 'Khaled', 'Hassan', 'Yousef', 'Bilal', 'Fadi', 'Samer', 'Rami'],
    family: [
      'Al-Ahmad',
      'Haddad',
      'Khalil',
      'Hamdan',
      'Darwish',
      'Najjar',
      'Saleh',
      'Suleiman',
      'Aziz',
      'Kassem',
    ],
  },
  RO: {
    given: [
      'Andrei',
      'Ionut',
      'Florin',
      'Mihai',
      'Cristina',
      'Elena',
      'Marius',
      'Gabriel',
      'Adrian',
      'Ioana',
    ],
    family: [
      'Popescu',
      'Ionescu',
      'Stan',
      'Dumitru',
      'Stoica',
      'Gheorghe',
      'Matei',
      'Ciobanu',
      'Rusu',
      'Constantin',
    ],
  },
  GB: {
    given: ['Jack', 'Liam', 'Chloe', 'Connor', 'Jade', 'Kyle', 'Megan', 'Reece'],
    family: ['Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Walker', 'Wright'],
  },
};

/**
 * The same people written as another agency wrote them: the coordination check must find these (different
 * spellings, order and diacritics; same person). Each pair is debriefed by two agencies in the demo.
 */
export const SPELLING_PAIRS: {
  a: { given: string; family: string; dob: string; nationality: string };
  b: { given: string; family: string; dob: string; nationality: string };
}[] = [
  {
    a: { given: 'Van An', family: 'Nguyen', dob: '1998-03-14', nationality: 'VN' },
    b: { given: 'Văn Ân', family: 'Nguyễn', dob: '14/03/1998', nationality: 'VN' },
  },
  {
    a: { given: 'Tesfay', family: 'Gebremedhin', dob: '2001-01-20', nationality: 'ER' },
    b: { given: 'Tesfaye', family: 'Gebre Medhin', dob: '20/01/2001', nationality: 'ER' },
  },
  {
    a: { given: 'Mohammed', family: 'Al-Hassan', dob: '1990-05-05', nationality: 'SD' },
    b: { given: 'Muhammad', family: 'Alhasan', dob: '1990-05-05', nationality: 'SD' },
  },
  {
    a: { given: 'Elion', family: 'Hoxha', dob: '1995-07-02', nationality: 'AL' },
    b: { given: 'Elion', family: 'Hoxhaj', dob: '02.07.1995', nationality: 'AL' },
  },
  {
    a: { given: 'Besnik', family: 'Krasniqi', dob: '1993-09-11', nationality: 'AL' },
    b: { given: 'Besnik', family: 'Krasnici', dob: '11/09/1993', nationality: 'AL' },
  },
  {
    a: { given: 'Thi Lan', family: 'Tran', dob: '2000-12-01', nationality: 'VN' },
    b: { given: 'Lan', family: 'Tran Thi', dob: '01/12/2000', nationality: 'VN' },
  },
  {
    a: { given: 'Yonas', family: 'Haile', dob: '1999-04-18', nationality: 'ER' },
    b: { given: 'Yohannes', family: 'Hayle', dob: '18/04/1999', nationality: 'ER' },
  },
  {
    a: { given: 'Karwan', family: 'Hama', dob: '1996-08-30', nationality: 'IQ' },
    b: { given: 'Karwan', family: 'Hamah', dob: '30/08/1996', nationality: 'IQ' },
  },
  {
    a: { given: 'Abdelrahman', family: 'Osman', dob: '1997-02-09', nationality: 'SD' },
    b: { given: 'Abdul Rahman', family: 'Othman', dob: '09/02/1997', nationality: 'SD' },
  },
  {
    a: { given: 'Reza', family: 'Mohammadi', dob: '1992-10-21', nationality: 'IR' },
    b: { given: 'Reza', family: 'Mohamadi', dob: '21/10/1992', nationality: 'IR' },
  },
];

export interface RouteTemplate {
  origin: string;
  /** Countries after the origin, ending with the country the person left for the UK. */
  via: string[][];
  transport: string[];
  crossing: [string, number][];
  currency: string;
  price: [number, number];
}

/** Typical routes into the UK by nationality (001; 004 case studies; Laserblue countries). */
export const ROUTES: RouteTemplate[] = [
  {
    origin: 'AL',
    via: [['IT', 'FR'], ['GR', 'IT', 'FR'], ['BE', 'FR'], ['IE']],
    transport: ['air', 'car or van', 'lorry or freight'],
    crossing: [
      ['small boat', 4],
      ['concealed in a lorry', 4],
      ['Common Travel Area', 1],
      ['air with false documents', 1],
    ],
    currency: 'EUR',
    price: [3000, 20000],
  },
  {
    origin: 'VN',
    via: [
      ['CN', 'RU', 'PL', 'DE', 'FR'],
      ['RU', 'BE', 'FR'],
      ['CN', 'RU', 'FR'],
    ],
    transport: ['air', 'lorry or freight', 'car or van', 'train'],
    crossing: [
      ['concealed in a lorry', 5],
      ['small boat', 4],
    ],
    currency: 'USD',
    price: [10000, 40000],
  },
  {
    origin: 'ER',
    via: [
      ['SD', 'LY', 'IT', 'FR'],
      ['ET', 'SD', 'LY', 'IT', 'FR'],
    ],
    transport: ['on foot', 'car or van', 'small boat', 'train'],
    crossing: [
      ['small boat', 9],
      ['concealed in a lorry', 1],
    ],
    currency: 'USD',
    price: [3000, 9000],
  },
  {
    origin: 'SD',
    via: [
      ['LY', 'IT', 'FR'],
      ['EG', 'LY', 'IT', 'FR'],
      ['TR', 'GR', 'IT', 'FR'],
    ],
    transport: ['car or van', 'small boat', 'on foot', 'train'],
    crossing: [
      ['small boat', 9],
      ['concealed in a lorry', 1],
    ],
    currency: 'USD',
    price: [2000, 7000],
  },
  {
    origin: 'AF',
    via: [
      ['IR', 'TR', 'BG', 'RS', 'HU', 'AT', 'DE', 'FR'],
      ['IR', 'TR', 'GR', 'MK', 'RS', 'AT', 'FR'],
    ],
    transport: ['on foot', 'car or van', 'lorry or freight', 'train'],
    crossing: [
      ['small boat', 8],
      ['concealed in a lorry', 2],
    ],
    currency: 'USD',
    price: [6000, 15000],
  },
  {
    origin: 'IQ',
    via: [
      ['TR', 'GR', 'IT', 'FR'],
      ['TR', 'BG', 'RS', 'AT', 'DE', 'FR'],
    ],
    transport: ['car or van', 'lorry or freight', 'on foot'],
    crossing: [
      ['small boat', 8],
      ['concealed in a lorry', 2],
    ],
    currency: 'USD',
    price: [5000, 12000],
  },
  {
    origin: 'IR',
    via: [
      ['TR', 'BG', 'RS', 'HU', 'AT', 'DE', 'BE', 'FR'],
      ['TR', 'GR', 'IT', 'FR'],
    ],
    transport: ['on foot', 'car or van', 'train'],
    crossing: [
      ['small boat', 8],
      ['air with false documents', 2],
    ],
    currency: 'EUR',
    price: [5000, 12000],
  },
  {
    origin: 'SY',
    via: [['TR', 'GR', 'MK', 'RS', 'HU', 'AT', 'DE', 'FR']],
    transport: ['on foot', 'small boat', 'car or van'],
    crossing: [
      ['small boat', 9],
      ['concealed in a lorry', 1],
    ],
    currency: 'EUR',
    price: [4000, 10000],
  },
];

/** Share of migrant debriefs by nationality, by year (Albanian arrivals fell sharply after 2022). */
export const NATIONALITY_MIX: Record<number, [string, number][]> = {
  2022: [
    ['AL', 32],
    ['AF', 18],
    ['IR', 14],
    ['IQ', 12],
    ['SY', 8],
    ['ER', 8],
    ['SD', 4],
    ['VN', 4],
  ],
  2023: [
    ['AF', 22],
    ['IR', 14],
    ['IQ', 12],
    ['ER', 12],
    ['SD', 10],
    ['SY', 10],
    ['AL', 10],
    ['VN', 10],
  ],
  2024: [
    ['AF', 16],
    ['SY', 16],
    ['ER', 14],
    ['IR', 12],
    ['VN', 14],
    ['SD', 12],
    ['IQ', 10],
    ['AL', 6],
  ],
  2025: [
    ['AF', 14],
    ['ER', 16],
    ['SY', 16],
    ['VN', 16],
    ['SD', 14],
    ['IR', 10],
    ['IQ', 8],
    ['AL', 6],
  ],
};

/** UK force areas where routes end (weights). */
export const UK_AREAS: [string, number][] = [
  ['met', 22],
  ['west-midlands', 10],
  ['gmp', 9],
  ['west-yorkshire', 8],
  ['kent', 7],
  ['essex', 5],
  ['merseyside', 4],
  ['south-yorkshire', 4],
  ['thames-valley', 4],
  ['bedfordshire', 3],
  ['hampshire-and-isle-of-wight', 3],
  ['avon-and-somerset', 3],
  ['nottinghamshire', 3],
  ['leicestershire', 3],
  ['northumbria', 3],
  ['humberside', 2],
  ['sussex', 2],
  ['lancashire', 2],
  ['south-wales', 2],
  ['police-scotland', 2],
  ['psni', 1],
];

/** Force weights for NCCU contacts (coastal and port forces see most). */
export const NCCU_FORCES: [string, number][] = [
  ['kent', 26],
  ['met', 12],
  ['essex', 8],
  ['sussex', 6],
  ['hampshire-and-isle-of-wight', 6],
  ['thames-valley', 5],
  ['bedfordshire', 4],
  ['west-yorkshire', 4],
  ['gmp', 4],
  ['west-midlands', 4],
  ['humberside', 4],
  ['suffolk', 3],
  ['norfolk', 3],
  ['lincolnshire', 3],
  ['merseyside', 2],
  ['devon-and-cornwall', 2],
  ['north-yorkshire', 2],
  ['cheshire', 2],
];

/** Who writes intelligence reports (owner agency, weight). */
export const REPORT_OWNERS: [string, number][] = [
  ['met', 14],
  ['kent', 9],
  ['west-yorkshire', 8],
  ['gmp', 6],
  ['west-midlands', 6],
  ['essex', 5],
  ['bedfordshire', 5],
  ['humberside', 4],
  ['sussex', 3],
  ['thames-valley', 3],
  ['merseyside', 3],
  ['rocu-north-west', 4],
  ['rocu-eastern', 3],
  ['rocu-yorkshire-humber', 3],
  ['nca', 8],
  ['nca-jfc', 5],
  ['ie', 4],
  ['border-force', 3],
  ['hoi', 3],
  ['glaa', 3],
  ['ie-nccu', 2],
];

export const PLACES = [
  'a car wash',
  'a nail bar',
  'a cannabis grow in a rented house',
  'a takeaway',
  'a lorry park',
  'a hotel',
  'a caravan site',
  'the port',
  'motorway services',
  'a flat above a shop',
  'a farm',
  'a food-packing factory',
  'a short-let flat',
  'a building site',
];
export const STREETS = [
  'Ashbury Road',
  'Mill Lane',
  'Station Road',
  'Victoria Street',
  'Church Road',
  'Park Avenue',
  'High Street',
  'Queen Street',
  'King Edward Road',
  'Canal Side',
];
export const OCG_NAMES = [
  'Kestrel network',
  'the Durres group',
  'Red Lantern network',
  'the Calais crossing group',
  'Harbour Street group',
  'Bluewater network',
  'the Zagreb cell',
  'Northgate crew',
];

export interface CodeTemplate {
  code: string;
  titles: string[];
  lines: string[];
}

/** Text of reports by crime identifier code (one threat each: MSHT and OIC never merged). */
export const REPORT_TEMPLATES: CodeTemplate[] = [
  {
    code: 'OIC-SB',
    titles: [
      'Small boat launches arranged from northern France',
      'Pilot recruited for a Channel crossing',
      'Engines for small boats bought in bulk',
    ],
    lines: [
      'A man known as {nick} organises crossings from beaches near Dunkirk and charges {price} a place.',
      'Passengers are told to wait in a camp until a WhatsApp message gives the launch time.',
      'Engines and boats are said to be delivered by van from Germany the night before.',
      'A passenger was offered a reduced price to steer the boat.',
    ],
  },
  {
    code: 'OIC-CLAN',
    titles: [
      'Migrants concealed in curtain-sided lorries',
      'Driver paid to carry people through the port',
      'Freight used to move people into the UK',
    ],
    lines: [
      'People were seen leaving a curtain-sided lorry at {place} near the A20.',
      'A driver is said to be paid {price} for each person he carries through the port.',
      'The lorry was registered to a haulage company that changed its name twice this year.',
    ],
  },
  {
    code: 'OIC-AIR',
    titles: ['False documents used on flights into the UK', 'Facilitated travel through a European airport'],
    lines: [
      'Travellers are met at the airport by a man who collects their documents after arrival.',
      'The same passport photographs appear on documents in different names.',
    ],
  },
  {
    code: 'OIC-DOC',
    titles: ['Identity documents supplied to new arrivals', 'Document factory in a residential address'],
    lines: [
      'A contact sells identity cards and National Insurance numbers to people who arrive without documents.',
      'Printers and blank cards were seen at the address.',
    ],
  },
  {
    code: 'OIC-FAC',
    titles: ['Arrivals collected and moved inland', 'Safe house used for new arrivals'],
    lines: [
      'New arrivals are collected from the coast and driven to {area} within hours.',
      'A safe house is used to hold people until their debts are agreed.',
    ],
  },
  {
    code: 'OIC',
    titles: [
      'Organised immigration crime network active in the area',
      'Facilitation payments through a money service',
    ],
    lines: [
      'Payments for crossings are made through a hawala broker in {area}.',
      'The network advertises crossings on social media using coded language.',
    ],
  },
  {
    code: 'MSHT-LAB',
    titles: [
      'Workers not paid and housed on site',
      'Labour exploitation at a car wash',
      'Agricultural workers controlled by a gangmaster',
    ],
    lines: [
      'Workers at {place} are collected before dawn and do not appear to be paid.',
      'Their passports are said to be held by the supervisor.',
      'The workers sleep on site and pay rent deducted from wages they never see.',
    ],
  },
  {
    code: 'MSHT-SEX',
    titles: ['Women moved between short-let flats', 'Adverts linked to one controller'],
    lines: [
      'Young women are moved between short-let flats every few days.',
      'Adverts change phone numbers weekly but use the same photographs.',
      'A man collects cash from the flats each evening.',
    ],
  },
  {
    code: 'MSHT-CRIM',
    titles: [
      'Young people used to run drugs across county lines',
      'Cannabis grow tended by a trafficked man',
    ],
    lines: [
      'A cannabis grow at {place} is tended by a man who is locked in.',
      'Teenagers are sent by train to sell drugs and hold the line phone.',
      'The gardener says he owes a debt for his journey.',
    ],
  },
  {
    code: 'MSHT-DS',
    titles: ['Domestic worker not allowed to leave the house'],
    lines: [
      'A domestic worker at an address on {street} is not allowed out alone and has no phone.',
      'Neighbours report she works from early morning until late at night.',
    ],
  },
];
