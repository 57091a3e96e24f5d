/**
 * Synthetic UK-style person records with known truth, for the scale benchmark: entities with 0-4
 * corrupted duplicates (FEBRL-like typos, phonetic and OCR substitutions, missing and swapped
 * fields, day-month swaps, placeholder dates, phone formats, moves), plus households (different
 * people sharing a surname, an address and a landline). Deterministic for a seed.
 */
import { seededRandom } from '../../src/entities/matching/engine.js';
import type { PersonRecord } from '../../src/entities/matching/types.js';

const GIVEN = (
  'oliver george harry jack jacob noah charlie muhammad thomas oscar william james leo alfie henry joshua freddie archie ethan ' +
  'isaac alexander joseph edward samuel max daniel arthur lucas mohammed logan theo harrison benjamin mason sebastian finley ' +
  'adam dylan zachary riley teddy theodore david elijah jake toby louie reuben arlo hugo luca jaxon matthew harvey reggie ' +
  'michael tommy jenson frankie ronnie grayson albert elliot rory ryan callum connor lewis kyle liam sean patrick peter paul ' +
  'mark andrew stephen richard robert christopher anthony kevin gary ian neil simon martin graham keith colin barry tony ' +
  'olivia amelia isla ava emily isabella mia poppy ella lily sophia grace evie scarlett ruby chloe isabelle daisy freya phoebe ' +
  'florence alice jessica sienna charlotte matilda evelyn eva millie sofia lucy elsie imogen layla rosie maya esme elizabeth ' +
  'lola willow ivy erin holly emilia molly ellie jasmine eliza lilly abigail georgia maisie eleanor hannah harriet amber ' +
  'bella thea annabelle emma amelie harper gracie rose summer martha violet penelope anna nancy zara maria darcie maryam ' +
  'sarah laura rebecca claire emma nicola michelle lisa joanne karen helen julie susan deborah tracey donna amanda kelly ' +
  'agnieszka katarzyna piotr tomasz andrzej krzysztof marek pawel ioana andrei mihai elena florin bogdan cristina ' +
  'ahmed ali hassan hussein omar yusuf ibrahim fatima aisha khadija zainab abdul tariq imran bilal hamza usman ' +
  'arben besnik ilir gjon dritan fatmir florian erion klodian anxhela elira blerina ' +
  'van thi minh anh duc hung tuan lan huong linh mai thu hoa nam quang ' +
  'tesfay yohannes mehari berhane filmon kibrom semere helen selam senait mussie biniam'
).split(' ');

const SURNAME_STEMS = (
  'smith jones williams taylor brown davies evans wilson thomas johnson roberts robinson thompson wright walker white ' +
  'edwards hughes green hall lewis harris clarke patel jackson wood turner martin cooper hill ward morris moore clark lee ' +
  'king baker harrison morgan allen james scott phillips watson davis parker price bennett young griffiths mitchell kelly ' +
  'cook carter richardson bailey collins bell shaw murphy miller cox richards khan marshall anderson simpson ellis adams ' +
  'singh begum wilkinson foster chapman powell webb rogers gray mason ali hunt hussain campbell matthews owen palmer holmes ' +
  'mills barnes knight lloyd butler russell barker fisher stevens jenkins murray dixon harvey graham pearson ahmed fletcher ' +
  'walsh kaur gibson howard andrews stewart elliott reynolds saunders payne fox ford pearce day brooks west lawrence cole ' +
  'atkinson bradley spencer gill dawson ball burton o\'brien watts rose booth perry ryan grant wells armstrong francis rees ' +
  'nguyen tran pham hoang huynh vo dang bui do ho ngo duong ly ' +
  'hoxha gashi krasniqi berisha shehu morina kelmendi dervishi leka prifti ' +
  'kowalski nowak wisniewski wojcik kaminski lewandowski popescu ionescu popa stan dumitru ' +
  'tesfaye gebremedhin haile kidane tekle woldu ghebreyesus mebrahtu'
).split(' ');

const SYLLABLES = 'ash ber bry cal dun el far gar hal ing kel lan mor nor or pen quin ros sel tan ud val wes yar zel bow cot den'.split(' ');
const SUFFIXES = 'ton ley field worth wood ford by ham shaw well more dale son man ridge hurst'.split(' ');
const STREETS = 'high church station victoria green manor park queens kings grange mill school north south west east new albert windsor york richmond'.split(' ');
const STREET_TYPES = ['street', 'road', 'lane', 'avenue', 'close', 'drive', 'way', 'gardens', 'court', 'place', 'crescent', 'grove'];
const STREET_ABBREV: Record<string, string> = { street: 'st', road: 'rd', lane: 'ln', avenue: 'ave', close: 'cl', drive: 'dr', crescent: 'cres', court: 'ct', place: 'pl', gardens: 'gdns', grove: 'gr', way: 'way' };
const AREAS = 'AB AL B BA BB BD BH BL BN BR BS CB CF CH CM CO CR CT CV CW DA DE DH DL DN DT DY E EC EN EX FY GL GU HA HD HG HP HR HU HX IG IP KT L LA LE LN LS LU M ME MK N NE NG NN NP NR NW OL OX PE PL PO PR RG RH RM S SE SG SK SL SM SN SO SR SS ST SW TA TF TN TQ TR TS TW UB W WA WD WF WN WR WS WV YO'.split(' ');
const PHONETIC: [string, string][] = [['ph', 'f'], ['f', 'ph'], ['c', 'k'], ['k', 'c'], ['ee', 'ea'], ['ie', 'y'], ['y', 'ie'], ['th', 't'], ['ck', 'k'], ['ou', 'ow'], ['s', 'z'], ['mm', 'm'], ['ll', 'l'], ['tt', 't']];
const OCR: [string, string][] = [['m', 'rn'], ['rn', 'm'], ['l', '1'], ['o', '0'], ['i', 'l'], ['cl', 'd'], ['h', 'b'], ['e', 'c']];
const KEYBOARD = 'qwertyuiopasdfghjklzxcvbnm';

export interface SyntheticSet {
  records: PersonRecord[];
  entityOf: Map<string, string>;
}

type Random = () => number;

function pick<T>(r: Random, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

/**
 * Pick with probability proportional to 1/(rank + q): with q = 8 over tens of thousands of
 * surnames the commonest holds about 1.3% (Smith in England and Wales) and the top hundred about
 * a quarter of people.
 */
function pickZipf<T>(r: Random, xs: readonly T[], q = 8): T {
  const n = xs.length;
  const k = Math.floor((1 + q) * ((n + q) / (1 + q)) ** r() - q) - 1;
  return xs[Math.min(Math.max(k, 0), n - 1)];
}

function buildSurnames(r: Random, count: number): string[] {
  const out = new Set<string>(SURNAME_STEMS);
  for (let attempt = 0; out.size < count && attempt < count * 20; attempt++) {
    const middle = r() < 0.5 ? pick(r, SYLLABLES).slice(0, 2) : '';
    out.add(pick(r, SYLLABLES) + pick(r, SYLLABLES).slice(0, 2 + Math.floor(r() * 2)) + middle + pick(r, SUFFIXES));
  }
  return [...out];
}

function buildTowns(r: Random, count: number): string[] {
  const out = new Set<string>();
  for (let attempt = 0; out.size < count && attempt < count * 20; attempt++) out.add(pick(r, SYLLABLES) + pick(r, SUFFIXES) + (r() < 0.2 ? ' ' + pick(r, ['upon tyne', 'on sea', 'green', 'heath', 'magna']) : ''));
  return [...out];
}

function typo(r: Random, s: string): string {
  if (s.length < 2) return s;
  const at = Math.floor(r() * s.length);
  switch (Math.floor(r() * 4)) {
    case 0:
      return s.slice(0, at) + s.slice(at + 1);
    case 1:
      return s.slice(0, at) + pick(r, [...KEYBOARD]) + s.slice(at);
    case 2:
      return s.slice(0, at) + pick(r, [...KEYBOARD]) + s.slice(at + 1);
    default:
      return at + 1 < s.length ? s.slice(0, at) + s[at + 1] + s[at] + s.slice(at + 2) : s;
  }
}

function substitute(r: Random, s: string, table: readonly [string, string][]): string {
  const options = table.filter(([a]) => s.includes(a));
  if (!options.length) return typo(r, s);
  const [a, b] = pick(r, options);
  const at = s.indexOf(a);
  return s.slice(0, at) + b + s.slice(at + a.length);
}

function corruptName(r: Random, s: string): string {
  const x = r();
  if (x < 0.6) return typo(r, s);
  if (x < 0.85) return substitute(r, s, PHONETIC);
  return substitute(r, s, OCR);
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

interface Entity {
  given: string;
  surname: string;
  y: number;
  m: number;
  d: number;
  number: number;
  street: string;
  streetType: string;
  town: string;
  postcode: string;
  phone: string;
  email: string | null;
  sex: string;
}

function makePostcode(r: Random): string {
  return `${pick(r, AREAS)}${1 + Math.floor(r() * 20)} ${Math.floor(r() * 10)}${pick(r, [...'ABDEFGHJLNPQRSTUWXYZ'])}${pick(r, [...'ABDEFGHJLNPQRSTUWXYZ'])}`;
}

function makeAddress(r: Random, towns: readonly string[]): Pick<Entity, 'number' | 'street' | 'streetType' | 'town' | 'postcode'> {
  return {
    number: 1 + Math.floor(r() * 200),
    street: r() < 0.5 ? pick(r, STREETS) : pick(r, SYLLABLES) + pick(r, SUFFIXES),
    streetType: pick(r, STREET_TYPES),
    town: pickZipf(r, towns, 20),
    postcode: makePostcode(r),
  };
}

function makePhone(r: Random): string {
  return '07' + pad(Math.floor(r() * 1e9), 9);
}

function render(r: Random, e: Entity, id: string, corruptions: number, towns: readonly string[]): PersonRecord {
  let given: string | null = e.given;
  let surname: string | null = e.surname;
  let y = e.y;
  let m = e.m;
  let d = e.d;
  let address = `${e.number} ${e.street} ${e.streetType}`;
  let postcode: string | null = e.postcode;
  let town: string | null = e.town;
  let phone: string | null = e.phone;
  let email = e.email;
  let dobFormat = Math.floor(r() * 3);
  let dobOverride: string | null = null;
  for (let k = 0; k < corruptions; k++) {
    const x = r();
    if (x < 0.18 && given) given = corruptName(r, given);
    else if (x < 0.34 && surname) surname = corruptName(r, surname);
    else if (x < 0.38) given = null;
    else if (x < 0.41) [given, surname] = [surname, given];
    else if (x < 0.47) {
      // A mistyped digit or two transposed digits.
      const s = pad(y, 4) + pad(m, 2) + pad(d, 2);
      const at = Math.floor(r() * 7);
      const t = r() < 0.5 ? s.slice(0, at) + String(Math.floor(r() * 10)) + s.slice(at + 1) : s.slice(0, at) + s[at + 1] + s[at] + s.slice(at + 2);
      y = Number(t.slice(0, 4));
      m = Number(t.slice(4, 6));
      d = Number(t.slice(6, 8));
    } else if (x < 0.5 && d <= 12) [d, m] = [m, d];
    else if (x < 0.52) dobOverride = `01/01/${y}`;
    else if (x < 0.54) dobOverride = null;
    else if (x < 0.62) address = address.replace(e.streetType, STREET_ABBREV[e.streetType] ?? e.streetType);
    else if (x < 0.7) address = corruptName(r, address);
    else if (x < 0.74) address = address.replace(/^\d+ /, '');
    else if (x < 0.8 && postcode) postcode = typo(r, postcode.replace(' ', '')).toUpperCase();
    else if (x < 0.83) postcode = null;
    else if (x < 0.86) town = null;
    else if (x < 0.89 && town) town = corruptName(r, town);
    else if (x < 0.92 && phone) phone = phone.startsWith('07') ? '+44 ' + phone.slice(1, 5) + ' ' + phone.slice(5) : phone;
    else if (x < 0.94) phone = null;
    else if (x < 0.955) phone = makePhone(r);
    else if (x < 0.97) email = null;
    else if (x < 0.985) {
      // Moved house: a whole new address.
      const moved = makeAddress(r, towns);
      address = `${moved.number} ${moved.street} ${moved.streetType}`;
      postcode = moved.postcode;
      town = moved.town;
    } else dobFormat = (dobFormat + 1) % 3;
  }
  const dob =
    dobOverride ??
    (dobFormat === 0 ? `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` : dobFormat === 1 ? `${pad(d, 2)}/${pad(m, 2)}/${pad(y, 4)}` : `${pad(y, 4)}${pad(m, 2)}${pad(d, 2)}`);
  return { id, given_name: given, surname, date_of_birth: dob, address, postcode, town, phone, email, sex: e.sex };
}

/**
 * `n` records: about 55% of entities appear once, the rest two to five times (at least one
 * corruption per duplicate, up to three), and 4% of entities are households of two or three.
 */
export function generateSynthetic(n: number, seed = 7): SyntheticSet {
  const r = seededRandom(seed);
  const surnames = buildSurnames(r, Math.max(2000, Math.min(60_000, Math.floor(n / 8))));
  const towns = buildTowns(r, Math.max(200, Math.min(5000, Math.floor(n / 200))));
  const records: PersonRecord[] = [];
  const entityOf = new Map<string, string>();
  let entity = 0;
  const emit = (e: Entity, copies: number) => {
    const key = String(entity++);
    for (let c = 0; c < copies && records.length < n; c++) {
      const id = `p${records.length}`;
      records.push(render(r, e, id, c === 0 ? (r() < 0.3 ? 1 : 0) : 1 + Math.floor(r() * 3), towns));
      entityOf.set(id, key);
    }
  };
  const newEntity = (): Entity => {
    const given = pickZipf(r, GIVEN, 10);
    return {
      given,
      surname: pickZipf(r, surnames),
      y: 1940 + Math.floor(r() * 70),
      m: 1 + Math.floor(r() * 12),
      d: 1 + Math.floor(r() * 28),
      ...makeAddress(r, towns),
      phone: makePhone(r),
      email: r() < 0.4 ? `${given}.${Math.floor(r() * 1000)}@example.com` : null,
      sex: r() < 0.5 ? 'F' : 'M',
    };
  };
  while (records.length < n) {
    const e = newEntity();
    const copies = r() < 0.55 ? 1 : 2 + Math.floor(r() * 4);
    emit(e, copies);
    if (r() < 0.04) {
      // Household: other people at the same address with the same surname and landline.
      const members = 1 + Math.floor(r() * 2);
      for (let k = 0; k < members; k++) {
        const other = newEntity();
        emit({ ...other, surname: e.surname, number: e.number, street: e.street, streetType: e.streetType, town: e.town, postcode: e.postcode, phone: e.phone }, r() < 0.5 ? 1 : 2);
      }
    }
  }
  return { records, entityOf };
}
