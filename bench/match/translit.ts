/**
 * Person records whose names are written several ways, as they are in UK modern-slavery and
 * asylum casework: Albanian (ë/e, ç/c, xh/j, q/ch, clan "-aj" endings, definite "-i"), Vietnamese
 * (tone marks kept or dropped, family name first or last, middle name kept or dropped), Arabic
 * (Mohammed/Muhammad/Mohamed, Abd al-Rahman/Abdulrahman, al-/el- prefixes, father's name as
 * surname) and Tigrinya (Ghebre/Gebre, Tesfay/Tesfaye, compound names split or joined, patronymic
 * surnames). Dates of birth are sometimes the 01/01/YYYY placeholder or day-month swapped.
 * Hard negatives on purpose: many different people share common names, and people are housed
 * together (same address and phone). Deterministic for a seed.
 *
 * Spellings are drawn from lists of real-world romanisations. The matcher's own variant table
 * (src/entities/matching/name-variants.ts) covers some of the same names, so this set is not
 * blind to it; the rule-based skeleton has to carry the rest.
 */
import { seededRandom } from '../../src/entities/matching/engine.js';
import type { PersonRecord } from '../../src/entities/matching/types.js';

type Random = () => number;
/** One name: its spellings, the first being the most common. */
type Name = readonly string[];

const ALBANIAN_GIVEN: Name[] = [
  ['Arben', 'Arbeni'], ['Besnik', 'Besniku'], ['Dritan', 'Driton'], ['Ilir', 'Iliri'], ['Gjergj', 'Gjergji', 'Gjerg'],
  ['Fatmir', 'Fatmiri'], ['Ermal', 'Ermali'], ['Kujtim', 'Kujtimi'], ['Agron', 'Agroni'], ['Blerim', 'Blerimi'],
  ['Elona'], ['Anxhela', 'Anjela', 'Angela'], ['Blerta'], ['Dorina'], ['Elira'], ['Jonida'], ['Klodiana', 'Klodjana'],
  ['Mirela'], ['Xhensila', 'Jensila', 'Xensila'], ['Ardit', 'Arditi'], ['Erion', 'Erioni'], ['Gëzim', 'Gezim', 'Gzim'],
  ['Lulzim', 'Lulzimi'], ['Valbona'], ['Sokol', 'Sokoli'], ['Afrim', 'Afrimi'], ['Bashkim', 'Bashkimi'], ['Edmond', 'Edmondi'],
  ['Fisnik', 'Fisniku'], ['Genc', 'Genci'], ['Klevis', 'Klevisi'], ['Luan', 'Luani'], ['Mentor', 'Mentori'], ['Nderim', 'Nderimi'],
  ['Petrit', 'Petriti'], ['Qemal', 'Qemali', 'Kemal'], ['Redon', 'Redoni'], ['Shpëtim', 'Shpetim'], ['Ylli', 'Yll'],
  ['Adelina'], ['Brunilda'], ['Diana'], ['Enkeleda'], ['Flutura'], ['Greta'], ['Hyrije', 'Hirije'], ['Kaltrina'], ['Lindita'],
  ['Manjola'], ['Nertila'], ['Orkida'], ['Rovena'], ['Suela'], ['Teuta'], ['Vjosa'], ['Zamira'], ['Alketa'], ['Besmir', 'Besmiri'],
];
const ALBANIAN_SURNAME: Name[] = [
  ['Hoxha', 'Hoxhaj', 'Hodja', 'Hoxa'], ['Gashi', 'Gashaj'], ['Krasniqi', 'Krasniqaj', 'Krasnichi', 'Krasnici'],
  ['Berisha', 'Berishaj'], ['Shehu', 'Shehaj'], ['Morina', 'Morinaj'], ['Kelmendi', 'Kelmend'], ['Dervishi', 'Dervishaj'],
  ['Leka', 'Lekaj'], ['Prifti', 'Priftaj'], ['Çela', 'Cela', 'Chela'], ['Dushku', 'Dushkaj'], ['Lika', 'Likaj'],
  ['Marku', 'Markaj'], ['Gjoka', 'Gjokaj', 'Gjoca'], ['Xhafa', 'Xhafaj', 'Jafa', 'Djafa'], ['Zeqiri', 'Zeqiraj', 'Zekiri'],
  ['Bajrami', 'Bajramaj', 'Bajram'], ['Hasani', 'Hasanaj'], ['Mëhilli', 'Mehilli', 'Mehili'], ['Spahiu', 'Spahiaj'],
  ['Tahiri', 'Tahiraj'], ['Qerimi', 'Qerimaj', 'Cherimi'], ['Rexhepi', 'Rexhepaj', 'Rexepi', 'Rejepi'], ['Kola', 'Kolaj'],
  ['Ahmeti', 'Ahmetaj'], ['Basha', 'Bashaj'], ['Cani', 'Canaj'], ['Duka', 'Dukaj'], ['Elezi', 'Elezaj'], ['Frashëri', 'Frasheri'],
  ['Gjini', 'Gjinaj'], ['Halili', 'Halilaj'], ['Isufi', 'Isufaj'], ['Jashari', 'Jasharaj'], ['Kastrati', 'Kastrat'], ['Lala', 'Lalaj'],
  ['Malaj', 'Mala'], ['Nikolla', 'Nikollaj'], ['Osmani', 'Osmanaj'], ['Pepa', 'Pepaj'], ['Rama', 'Ramaj'], ['Sula', 'Sulaj'],
  ['Topalli', 'Topallaj'], ['Ukaj', 'Uka'], ['Veliu', 'Velija'], ['Zeneli', 'Zenelaj'], ['Bushati', 'Bushat'], ['Dedja', 'Dedaj'],
];
const VIET_FAMILY: Name[] = [
  ['Nguyễn', 'Nguyen', 'Ngyuen'], ['Trần', 'Tran'], ['Lê', 'Le'], ['Phạm', 'Pham'], ['Hoàng', 'Hoang'],
  ['Huỳnh', 'Huynh'], ['Phan'], ['Vũ', 'Vu'], ['Võ', 'Vo'], ['Đặng', 'Dang'], ['Bùi', 'Bui'], ['Đỗ', 'Do'],
  ['Hồ', 'Ho'], ['Ngô', 'Ngo'], ['Dương', 'Duong'], ['Lý', 'Ly'],
];
const VIET_MIDDLE_M: Name[] = [['Văn', 'Van'], ['Đức', 'Duc'], ['Minh'], ['Quốc', 'Quoc'], ['Hữu', 'Huu'], ['Thanh']];
const VIET_MIDDLE_F: Name[] = [['Thị', 'Thi'], ['Ngọc', 'Ngoc'], ['Thanh'], ['Minh'], ['Thuỳ', 'Thuy']];
const VIET_GIVEN: Name[] = [
  ['Anh'], ['Bình', 'Binh'], ['Dũng', 'Dung'], ['Hải', 'Hai'], ['Hùng', 'Hung'], ['Hương', 'Huong'], ['Lan'],
  ['Linh'], ['Long'], ['Mai'], ['Nam'], ['Phương', 'Phuong'], ['Quang'], ['Thảo', 'Thao'], ['Trang'],
  ['Tuấn', 'Tuan'], ['Việt', 'Viet'], ['Khánh', 'Khanh'], ['Thắng', 'Thang'], ['Hiếu', 'Hieu'], ['Duy'], ['Tùng', 'Tung'],
  ['Cường', 'Cuong'], ['Đạt', 'Dat'], ['Giang'], ['Hà', 'Ha'], ['Hạnh', 'Hanh'], ['Hoa'], ['Huy'], ['Khoa'], ['Kiên', 'Kien'],
  ['Lâm', 'Lam'], ['Lộc', 'Loc'], ['Minh'], ['Ngân', 'Ngan'], ['Nhung'], ['Phúc', 'Phuc'], ['Quân', 'Quan'], ['Sơn', 'Son'],
  ['Tâm', 'Tam'], ['Thành', 'Thanh'], ['Thủy', 'Thuy'], ['Tiến', 'Tien'], ['Trung'], ['Vân', 'Van'], ['Vinh'], ['Xuân', 'Xuan'],
  ['Yến', 'Yen'], ['Bảo', 'Bao'], ['Chi'], ['Dương', 'Duong'], ['Hậu', 'Hau'], ['Khải', 'Khai'], ['Nghĩa', 'Nghia'], ['Oanh'],
];
const ARABIC_GIVEN: Name[] = [
  ['Mohammed', 'Muhammad', 'Mohamed', 'Mohammad', 'Mohamad', 'Muhammed', 'Mohd'],
  ['Ahmed', 'Ahmad'], ['Abdulrahman', 'Abdul Rahman', 'Abd al-Rahman', 'Abdelrahman', 'Abdurrahman', 'Abdel Rahman'],
  ['Omar', 'Umar', 'Omer'], ['Yusuf', 'Youssef', 'Yousef', 'Yousif', 'Yusef'], ['Ibrahim', 'Ebrahim', 'Ibraheem'],
  ['Hussein', 'Husain', 'Hussain', 'Hossein', 'Husayn'], ['Khalid', 'Khaled'], ['Mustafa', 'Mostafa', 'Moustafa', 'Mustapha'],
  ['Osman', 'Othman', 'Uthman'], ['Ismail', 'Ismael', 'Esmail'], ['Abdullah', 'Abdallah', 'Abdulla'],
  ['Fatima', 'Fatma', 'Fatimah', 'Fathima'], ['Aisha', 'Ayesha', 'Aysha', 'Aicha'], ['Maryam', 'Mariam'],
  ['Zainab', 'Zaynab', 'Zeinab'], ['Hamza', 'Hamzah'], ['Tariq', 'Tarek', 'Tarik'], ['Bilal'], ['Karim', 'Kareem'],
  ['Suleiman', 'Sulaiman', 'Soliman'], ['Jamal', 'Gamal'], ['Idris', 'Idrees'], ['Said', 'Saeed', 'Sayed'],
  ['Adil', 'Adel'], ['Amir', 'Ameer'], ['Anas'], ['Ayman', 'Aiman'], ['Basel', 'Basil'], ['Faisal', 'Faysal'], ['Hadi', 'Hady'],
  ['Hisham', 'Hesham'], ['Jaber', 'Jabir'], ['Kamal', 'Kamel'], ['Majid', 'Majed'], ['Marwan'], ['Nabil', 'Nabeel'],
  ['Nizar'], ['Rami', 'Ramy'], ['Sami', 'Samy'], ['Samir', 'Sameer'], ['Tamer', 'Tamir'], ['Walid', 'Waleed'], ['Yasser', 'Yasir'],
  ['Zaid', 'Zayd'], ['Amal'], ['Asma', 'Asmaa'], ['Dalia'], ['Hana', 'Hanaa'], ['Huda', 'Houda'], ['Layla', 'Leila', 'Laila'],
  ['Nour', 'Noor', 'Nur'], ['Rania'], ['Reem', 'Rim'], ['Salma'], ['Samira', 'Sameera'], ['Yasmin', 'Yasmine', 'Jasmin'],
];
const ARABIC_FAMILY: Name[] = [
  ['Al-Hassan', 'Alhassan', 'El Hassan', 'Hassan'], ['Abdullah', 'Abdallah'], ['Al-Masri', 'Almasri', 'El-Masri', 'Masri'],
  ['Haddad'], ['Khalil', 'Khaleel'], ['Mansour', 'Mansur', 'Mansoor'], ['Saleh', 'Salih', 'Salah'], ['Hamid', 'Hamed'],
  ['Nasser', 'Nasir', 'Naser'], ['Al-Amin', 'Alamin', 'El Amin', 'Amin'], ['Osman', 'Othman'], ['Ibrahim', 'Ebrahim'],
  ['Yousif', 'Yusuf', 'Youssef'], ['Adam', 'Adem'], ['Idris', 'Idrees'], ['Ali', 'Aly'], ['Mahmoud', 'Mahmood', 'Mahmud'],
  ['Qasim', 'Kassim', 'Qassim'], ['Al-Tayeb', 'Altayeb', 'El Tayeb'], ['Ismail', 'Ismael'],
  ['Al-Bashir', 'Albashir', 'El Bashir', 'Bashir'], ['Awad', 'Awadh'], ['Barakat'], ['Darwish', 'Darwich'], ['Farouk', 'Farooq'],
  ['Ghanem', 'Ghanim'], ['Habib', 'Habeeb'], ['Jaafar', 'Jafar'], ['Karam'], ['Al-Khatib', 'Alkhatib', 'Khatib'],
  ['Mubarak'], ['Al-Najjar', 'Najjar'], ['Rashid', 'Rasheed'], ['Sharif', 'Shareef'], ['Al-Zein', 'Elzein', 'Zein'],
  ['Bakri', 'Bakry'], ['Eltom', 'El Tom'], ['Fadl', 'Fadul'], ['Hamdan'], ['Juma', 'Jumaa', 'Gumaa'],
];
const TIGRINYA: Name[] = [
  ['Tesfay', 'Tesfaye', 'Tesfai'], ['Yohannes', 'Yohanes', 'Johannes'], ['Mehari', 'Mihari'], ['Berhane', 'Birhane', 'Berhan'],
  ['Tekle', 'Teklay', 'Tecle'], ['Haile', 'Hayle'], ['Gebremedhin', 'Ghebremedhin', 'Gebre Medhin', 'Ghebre Medhin'],
  ['Gebreyesus', 'Ghebreyesus', 'Gebre Yesus'], ['Kidane', 'Kidan'], ['Tsegay', 'Tsegai', 'Tsegaye'], ['Weldu', 'Woldu'],
  ['Tewelde', 'Tewolde'], ['Mebrahtu', 'Mebratu'], ['Kibrom', 'Kbrom'], ['Filmon', 'Philmon'], ['Semere', 'Semre'],
  ['Habtom', 'Habtu'], ['Amanuel', 'Emmanuel'], ['Ghirmay', 'Girmay', 'Ghirmai'], ['Mussie', 'Musie'],
  ['Biniam', 'Biniyam', 'Binyam'], ['Yonas', 'Yona'], ['Dawit', 'Dawitt'], ['Goitom', 'Goytom'], ['Okbay', 'Okubay'],
  ['Abraham', 'Abrham'], ['Andom'], ['Asmerom'], ['Berhe', 'Birhe'], ['Efrem', 'Ephrem'], ['Fitsum', 'Fitsom'], ['Gebrehiwet', 'Ghebrehiwet'],
  ['Hagos'], ['Isaias', 'Isayas'], ['Kahsay', 'Kahsai'], ['Medhanie', 'Medhane'], ['Natnael', 'Nathnael'], ['Robel'],
  ['Samuel', 'Samuél'], ['Simon'], ['Tesfamariam', 'Tesfa Mariam'], ['Teklehaimanot', 'Tekle Haimanot'], ['Woldemichael', 'Wolde Michael'],
  ['Yemane', 'Yemani'], ['Zerai', 'Zeray'], ['Aron'], ['Elias', 'Eliyas'], ['Henok', 'Hanok'], ['Merhawi'], ['Nahom'],
];
const TIGRINYA_F: Name[] = [
  ['Senait', 'Senayt', 'Seniat'], ['Selam', 'Salam'], ['Freweini', 'Frewini'], ['Abeba'], ['Saba'], ['Yordanos'],
  ['Helen', 'Hellen'], ['Luwam', 'Luam'], ['Mihret', 'Mehret'], ['Rahel', 'Rachel'], ['Winta'], ['Eden'],
  ['Almaz'], ['Aster'], ['Danait', 'Denait'], ['Elsa'], ['Feven'], ['Hiwet'], ['Kidist'], ['Meron'], ['Nebiat'], ['Ruta'],
  ['Semhar'], ['Tsega'], ['Yohana', 'Johanna'], ['Zufan'], ['Bisrat'], ['Hanna', 'Hana'], ['Lidia', 'Lydia'], ['Mekdes'],
];

type Culture = 'albanian' | 'vietnamese' | 'arabic' | 'tigrinya';

const NATIONALITY: Record<Culture, string[]> = {
  albanian: ['Albanian', 'ALB', 'Albania'],
  vietnamese: ['Vietnamese', 'VNM', 'Viet Nam'],
  arabic: ['Sudanese', 'Syrian', 'Iraqi', 'Kuwaiti', 'Egyptian', 'Libyan'],
  tigrinya: ['Eritrean', 'ERI', 'Eritrea'],
};

interface Person {
  culture: Culture;
  /** Name parts, each a list of spellings. Meaning depends on the culture (see render). */
  parts: Name[];
  sex: 'M' | 'F';
  y: number;
  m: number;
  d: number;
  address: string;
  postcode: string;
  town: string;
  phone: string | null;
  nationality: string;
}

function pick<T>(r: Random, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

/** A spelling of a name: the usual one about half the time, otherwise any of its variants. */
function spell(r: Random, name: Name): string {
  return r() < 0.45 ? name[0] : pick(r, name);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const STREETS = ['Park Road', 'Station Road', 'High Street', 'Church Lane', 'Victoria Street', 'Albert Road', 'Mill Lane', 'Queens Road'];
const TOWNS: [string, string][] = [
  ['London', 'E'], ['Birmingham', 'B'], ['Manchester', 'M'], ['Leeds', 'LS'], ['Glasgow', 'G'], ['Liverpool', 'L'],
  ['Bradford', 'BD'], ['Cardiff', 'CF'], ['Leicester', 'LE'], ['Coventry', 'CV'], ['Nottingham', 'NG'], ['Sheffield', 'S'],
];
/** Hotels and HMOs where many unrelated people are housed together. */
const SHARED_HOMES = 12;

function makeHome(r: Random): { address: string; postcode: string; town: string } {
  const [town, area] = pick(r, TOWNS);
  const letters = 'ABDEFGHJLNPQRSTUWXYZ';
  return {
    address: `${1 + Math.floor(r() * 150)} ${pick(r, STREETS)}`,
    postcode: `${area}${1 + Math.floor(r() * 19)} ${Math.floor(r() * 10)}${pick(r, [...letters])}${pick(r, [...letters])}`,
    town,
  };
}

function newPerson(r: Random, culture: Culture, homes: ReturnType<typeof makeHome>[]): Person {
  const sex: 'M' | 'F' = r() < 0.6 ? 'M' : 'F';
  let parts: Name[];
  switch (culture) {
    case 'albanian':
      parts = [pick(r, ALBANIAN_GIVEN), pick(r, ALBANIAN_SURNAME)];
      break;
    case 'vietnamese':
      parts = [pick(r, VIET_FAMILY), pick(r, sex === 'M' ? VIET_MIDDLE_M : VIET_MIDDLE_F), pick(r, VIET_GIVEN)];
      break;
    case 'arabic':
      // given, father's name, family name
      parts = [pick(r, ARABIC_GIVEN), pick(r, ARABIC_GIVEN.slice(0, 12)), pick(r, ARABIC_FAMILY)];
      break;
    default:
      // given, father's name, grandfather's name (no family surname)
      parts = [pick(r, sex === 'M' ? TIGRINYA : TIGRINYA_F), pick(r, TIGRINYA), pick(r, TIGRINYA)];
  }
  const home = r() < 0.5 ? pick(r, homes) : makeHome(r);
  return {
    culture,
    parts,
    sex,
    y: 1960 + Math.floor(r() * 48),
    m: 1 + Math.floor(r() * 12),
    d: 1 + Math.floor(r() * 28),
    ...home,
    phone: r() < 0.7 ? '07' + String(Math.floor(r() * 1e9)).padStart(9, '0') : null,
    nationality: pick(r, NATIONALITY[culture]),
  };
}

/** Given name and surname as one record writes them. */
function names(r: Random, p: Person): { given: string | null; surname: string | null; full: string | null } {
  const [a, b, c] = p.parts;
  switch (p.culture) {
    case 'albanian':
      return { given: spell(r, a), surname: spell(r, b), full: null };
    case 'vietnamese': {
      const family = spell(r, a);
      const middle = spell(r, b);
      const given = spell(r, c);
      const x = r();
      if (x < 0.25) return { given: null, surname: null, full: `${family} ${middle} ${given}` };
      if (x < 0.5) return { given: `${middle} ${given}`, surname: family, full: null };
      if (x < 0.7) return { given, surname: family, full: null };
      if (x < 0.85) return { given: family, surname: `${middle} ${given}`, full: null };
      return { given: `${given}`, surname: `${middle} ${family}`, full: null };
    }
    case 'arabic': {
      const given = spell(r, a);
      const x = r();
      if (x < 0.45) return { given, surname: spell(r, c), full: null };
      if (x < 0.75) return { given: `${given} ${spell(r, b)}`, surname: spell(r, c), full: null };
      return { given: null, surname: null, full: `${given} ${spell(r, b)} ${spell(r, c)}` };
    }
    default: {
      const given = spell(r, a);
      const x = r();
      if (x < 0.55) return { given, surname: spell(r, b), full: null };
      if (x < 0.8) return { given, surname: `${spell(r, b)} ${spell(r, c)}`, full: null };
      return { given: null, surname: null, full: `${given} ${spell(r, b)} ${spell(r, c)}` };
    }
  }
}

function render(r: Random, p: Person, id: string): PersonRecord {
  const n = names(r, p);
  let dob: string | null;
  const x = r();
  if (x < 0.15) dob = `01/01/${p.y}`;
  else if (x < 0.2 && p.d <= 12) dob = `${pad(p.m)}/${pad(p.d)}/${p.y}`;
  else if (x < 0.25) dob = null;
  else if (x < 0.6) dob = `${pad(p.d)}/${pad(p.m)}/${p.y}`;
  else dob = `${p.y}-${pad(p.m)}-${pad(p.d)}`;
  const phone = p.phone && r() < 0.6 ? (r() < 0.5 ? p.phone : '+44 ' + p.phone.slice(1)) : null;
  return {
    id,
    given_name: n.given,
    surname: n.surname,
    full_name: n.full,
    date_of_birth: dob,
    sex: r() < 0.9 ? p.sex : null,
    nationality: r() < 0.8 ? p.nationality : null,
    address: r() < 0.7 ? p.address : null,
    postcode: r() < 0.7 ? p.postcode : null,
    town: r() < 0.6 ? p.town : null,
    phone,
  };
}

export interface TranslitSet {
  records: PersonRecord[];
  entityOf: Map<string, string>;
}

/** `people` people, each written one to four times (about 2.3 records per person on average). */
export function generateTranslit(people = 2500, seed = 11): TranslitSet {
  const r = seededRandom(seed);
  const homes = Array.from({ length: SHARED_HOMES }, () => makeHome(r));
  const cultures: Culture[] = ['albanian', 'vietnamese', 'arabic', 'tigrinya'];
  const records: PersonRecord[] = [];
  const entityOf = new Map<string, string>();
  for (let e = 0; e < people; e++) {
    const p = newPerson(r, cultures[e % cultures.length], homes);
    const copies = 1 + Math.floor(r() * 4);
    for (let c = 0; c < copies; c++) {
      const id = `t${records.length}`;
      records.push(render(r, p, id));
      entityOf.set(id, String(e));
    }
  }
  // Shuffle so duplicates are not adjacent.
  for (let k = records.length - 1; k > 0; k--) {
    const j = Math.floor(r() * (k + 1));
    [records[k], records[j]] = [records[j], records[k]];
  }
  return { records, entityOf };
}
