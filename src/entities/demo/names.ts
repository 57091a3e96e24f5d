// Name pools per naming culture and the nationality mix of the demo population.
// Pools hold common given and family names only; people are random combinations of them, never real
// individuals. A '·' inside a name marks the join of a compound (Gebre·medhin, Abdel·rahman, Xiao·ming):
// it is removed when the name is written and lets variants.ts split the compound the way some agencies do.

import type { Rng } from './rng.js';
import { weightedPicker } from './rng.js';

export type NameCulture =
  | 'english'
  | 'albanian'
  | 'tigrinya'
  | 'amharic'
  | 'vietnamese'
  | 'arabic'
  | 'sudanese'
  | 'kurdish'
  | 'persian'
  | 'afghan'
  | 'romanian'
  | 'polish'
  | 'chinese'
  | 'nigerian'
  | 'indian'
  | 'pakistani';

export type TruthGender = 'female' | 'male';

/** A person's name as parts; tokens may contain the '·' compound marker. */
export interface PersonName {
  culture: NameCulture;
  given: string[];
  middle: string[];
  /** Surname; for patronymic cultures [father's name, grandfather's name]. */
  family: string[];
  /** The order in which the person writes the full name. */
  order: 'given-first' | 'family-first';
}

export const COMPOUND_MARK = '·';

// --- pools -------------------------------------------------------------------------------------------

// biome-ignore format: data table, rows kept as written
const ENGLISH_MALE = [
  'James', 'John', 'David', 'Michael', 'Paul', 'Mark', 'Daniel', 'Thomas', 'Christopher', 'Matthew',
  'Andrew', 'Richard', 'Robert', 'Steven', 'Jamie', 'Lewis', 'Kyle', 'Connor', 'Liam', 'Callum',
  'Jordan', 'Ryan', 'Jack', 'Harry', 'Oliver', 'Charlie', 'George', 'Joshua', 'Kieran', 'Nathan',
  'Benjamin', 'Samuel', 'Luke', 'Adam', 'Scott', 'Craig', 'Dean', 'Wayne', 'Lee', 'Gary',
  'Tyler', 'Reece', 'Mason', 'Alfie', 'Ethan', 'William', 'Joseph', 'Anthony', 'Jonathan', 'Alexander',
  'Nicholas', 'Stephen', 'Peter', 'Simon', 'Martin', 'Shaun', 'Darren', 'Jason', 'Aaron', 'Bradley',
  'Declan', 'Owen', 'Rhys', 'Ashley', 'Leon', 'Dylan', 'Kai', 'Finley', 'Harvey', 'Jake',
];
// biome-ignore format: data table, rows kept as written
const ENGLISH_FEMALE = [
  'Sarah', 'Emma', 'Laura', 'Rebecca', 'Amy', 'Jessica', 'Hannah', 'Charlotte', 'Sophie', 'Chloe',
  'Lauren', 'Megan', 'Emily', 'Olivia', 'Jade', 'Kayleigh', 'Stacey', 'Gemma', 'Danielle', 'Nicole',
  'Leanne', 'Natalie', 'Samantha', 'Victoria', 'Rachel', 'Katie', 'Holly', 'Ellie', 'Lucy', 'Amelia',
  'Grace', 'Jasmine', 'Shannon', 'Courtney', 'Abigail', 'Paige', 'Demi', 'Kirsty', 'Elizabeth', 'Katherine',
  'Jennifer', 'Michelle', 'Louise', 'Claire', 'Donna', 'Kelly', 'Lisa', 'Joanne', 'Zoe', 'Georgia',
  'Bethany', 'Molly', 'Ella', 'Isabelle', 'Freya', 'Mia', 'Ruby', 'Evie', 'Poppy', 'Tia',
  'Lily', 'Caitlin', 'Jodie', 'Hayley', 'Toni', 'Chelsea', 'Amber', 'Leah', 'Eleanor', 'Alice',
];
// biome-ignore format: data table, rows kept as written
const ENGLISH_FAMILY = [
  'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson',
  'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall',
  'Lewis', 'Harris', 'Clarke', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward',
  'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'James',
  'Scott', 'Phillips', 'Watson', 'Davis', 'Parker', 'Price', 'Bennett', 'Young', 'Griffiths', 'Mitchell',
  'Kelly', 'Cook', 'Carter', 'Richardson', 'Bailey', 'Collins', 'Bell', 'Shaw', 'Murphy', 'Miller',
  'Cox', 'Richards', 'Marshall', 'Anderson', 'Simpson', 'Ellis', 'Adams', 'Wilkinson', 'Foster', 'Chapman',
  'Powell', 'Webb', 'Rogers', 'Gray', 'Mason', 'Hunt', 'Campbell', 'Matthews', 'Owen', 'Palmer',
  'Holmes', 'Mills', 'Barnes', 'Knight', 'Lloyd', 'Butler', 'Russell', 'Barker', 'Fisher', 'Stevens',
  'Jenkins', 'Murray', 'Dixon', 'Harvey', 'Graham', 'Pearson', 'Fletcher', 'Walsh', 'Gibson', 'Howard',
  'Andrews', 'Stewart', 'Elliott', 'Reynolds', 'Saunders', 'Payne', 'Fox', 'Ford', 'Pearce', 'Brooks',
  "O'Brien", "O'Connor", "O'Neill", 'McDonald', 'McCarthy', 'Doyle', 'Byrne', 'Gallagher', 'Quinn', 'Kennedy',
  'Atkinson', 'Bradley', 'Spencer', 'Dawson', 'Burton', 'Watts', 'Rose', 'Booth', 'Perry', 'Grant',
];

// biome-ignore format: data table, rows kept as written
const ALBANIAN_MALE = [
  'Arben', 'Artan', 'Ardit', 'Arlind', 'Besnik', 'Bledar', 'Blerim', 'Dritan', 'Elton', 'Endrit',
  'Erion', 'Ermal', 'Erjon', 'Fatjon', 'Fatmir', 'Florian', 'Gentian', 'Gëzim', 'Ilir', 'Indrit',
  'Jetmir', 'Klajdi', 'Klodian', 'Kujtim', 'Ledio', 'Lulzim', 'Marsel', 'Mërgim', 'Mirel', 'Nertil',
  'Orges', 'Redon', 'Rezart', 'Sokol', 'Taulant', 'Valon', 'Xhevdet', 'Xhuljan', 'Ylli', 'Agron',
  'Altin', 'Behar', 'Edison', 'Enea', 'Fisnik', 'Genc', 'Gjergj', 'Hekuran', 'Kastriot', 'Luan',
  'Mentor', 'Qemal', 'Shpëtim', 'Skënder', 'Xhemal', 'Ervin', 'Andi', 'Kristi', 'Aldo', 'Jurgen',
];
// biome-ignore format: data table, rows kept as written
const ALBANIAN_FEMALE = [
  'Anila', 'Anjeza', 'Ardita', 'Arta', 'Blerina', 'Brunilda', 'Dorina', 'Drita', 'Elona', 'Enkeleda',
  'Ermira', 'Esmeralda', 'Fatbardha', 'Fjolla', 'Flutura', 'Gentiana', 'Jonida', 'Klea', 'Kejsi', 'Lindita',
  'Majlinda', 'Manjola', 'Mimoza', 'Mirela', 'Nertila', 'Orjeta', 'Rovena', 'Rudina', 'Sidorela', 'Suela',
  'Teuta', 'Valbona', 'Vjollca', 'Xhensila', 'Zamira', 'Elira', 'Besjana', 'Dafina', 'Ermelinda', 'Irisa',
  'Kaltrina', 'Lira', 'Megi', 'Alketa', 'Eralda', 'Gëzime', 'Mërita', 'Fatjona', 'Xhesika', 'Ajsela',
];
// biome-ignore format: data table, rows kept as written
const ALBANIAN_FAMILY = [
  'Gashi', 'Krasniqi', 'Hoxha', 'Berisha', 'Shehu', 'Dervishi', 'Çela', 'Leka', 'Hysa', 'Marku',
  'Bajrami', 'Kola', 'Prifti', 'Duka', 'Mema', 'Lika', 'Gjoka', 'Bregu', 'Hasani', 'Rama',
  'Rexhepi', 'Morina', 'Kastrati', 'Hyseni', 'Halili', 'Ahmeti', 'Ismaili', 'Kelmendi', 'Shala', 'Sadiku',
  'Musliu', 'Islami', 'Haxhiu', 'Osmani', 'Zeqiri', 'Qerimi', 'Daci', 'Dushku', 'Lleshi', 'Xhafa',
  'Çaushi', 'Tafili', 'Meta', 'Kuçi', 'Brahimi', 'Gjini', 'Pjetri', 'Deda', 'Toska', 'Nikolla',
  'Shkëmbi', 'Zhupa', 'Hajdari', 'Keta', 'Vata', 'Spahiu', 'Koçi', 'Mehmeti', 'Sinani', 'Bushati',
  'Kurti', 'Demiri', 'Selimi', 'Beqiri', 'Gjonaj', 'Lushaj', 'Përmeti', 'Dibra', 'Hoxhaj', 'Ndreu',
];

// biome-ignore format: data table, rows kept as written
const TIGRINYA_MALE = [
  'Tesfay', 'Yonas', 'Samuel', 'Dawit', 'Filmon', 'Yohannes', 'Mehari', 'Habtom', 'Kibrom', 'Tekle',
  'Berhane', 'Goitom', 'Merhawi', 'Nahom', 'Robel', 'Senai', 'Efrem', 'Amanuel', 'Biniam', 'Henok',
  'Michael', 'Aron', 'Natnael', 'Mussie', 'Ermias', 'Abel', 'Solomon', 'Yemane', 'Kidane', 'Berhe',
  'Abraha', 'Measho', 'Okbay', 'Asmerom', 'Weldeab', 'Haile', 'Tsegay', 'Ghirmay', 'Mulugeta', 'Isaias',
  'Mebrahtu', 'Teklay', 'Zerai', 'Hagos', 'Tewelde', 'Fitsum', 'Teame', 'Simon', 'Daniel', 'Eyob',
  'Awet', 'Selemun', 'Semere', 'Tedros', 'Medhanie', 'Alem', 'Russom', 'Kahsay', 'Yosief', 'Negasi',
];
// biome-ignore format: data table, rows kept as written
const TIGRINYA_FEMALE = [
  'Senait', 'Helen', 'Selam', 'Luwam', 'Saba', 'Yordanos', 'Mebrat', 'Tsega', 'Rahel', 'Winta',
  'Feven', 'Hiwet', 'Semhar', 'Abeba', 'Elsa', 'Mahlet', 'Letay', 'Freweyni', 'Eden', 'Ruta',
  'Tirhas', 'Mekdes', 'Almaz', 'Aster', 'Azieb', 'Bisrat', 'Danait', 'Delina', 'Eyerusalem', 'Fiyori',
  'Hanna', 'Hermon', 'Kisanet', 'Lemlem', 'Meron', 'Milen', 'Nebiat', 'Rigat', 'Segen', 'Sara',
  'Tsigereda', 'Yohana', 'Yodit', 'Zewdi', 'Wegahta', 'Yergalem', 'Akberet', 'Senayt', 'Nardos', 'Adiam',
];
/** Fathers' and grandfathers' names: plain male names and the Ge'ez compounds common in Eritrea. */
// biome-ignore format: data table, rows kept as written
const TIGRINYA_FATHER = [
  ...TIGRINYA_MALE,
  'Gebre·medhin', 'Gebre·hiwet', 'Gebre·yesus', 'Gebre·mariam', 'Gebre·michael', 'Gebre·selassie',
  'Gebre·egziabher', 'Habte·mariam', 'Habte·giorgis', 'Habte·michael', 'Wolde·michael', 'Wolde·giorgis',
  'Wolde·mariam', 'Tekle·haimanot', 'Tekle·giorgis', 'Haile·mariam', 'Tesfa·mariam', 'Tesfa·michael',
  'Tesfa·giorgis', 'Kidane·mariam', 'Berhane·selassie', 'Wolde·selassie', 'Gebre·tensae', 'Tesfa·selassie',
];

// biome-ignore format: data table, rows kept as written
const AMHARIC_MALE = [
  'Abebe', 'Alemayehu', 'Tesfaye', 'Getachew', 'Dawit', 'Bekele', 'Girma', 'Tadesse', 'Yonas', 'Henok',
  'Solomon', 'Mulugeta', 'Biruk', 'Dereje', 'Ephrem', 'Fikru', 'Kaleab', 'Mesfin', 'Nahom', 'Samuel',
  'Tewodros', 'Yared', 'Abel', 'Amanuel', 'Bereket', 'Eyob', 'Fasil', 'Haile', 'Kebede', 'Lemma',
  'Mekonnen', 'Mengistu', 'Negash', 'Seyoum', 'Tamrat', 'Wondwossen', 'Yohannes', 'Zelalem', 'Asrat', 'Kirubel',
];
// biome-ignore format: data table, rows kept as written
const AMHARIC_FEMALE = [
  'Tigist', 'Selamawit', 'Meron', 'Hirut', 'Bethlehem', 'Mekdes', 'Almaz', 'Aster', 'Hanna', 'Tsehay',
  'Genet', 'Tirunesh', 'Birtukan', 'Etenesh', 'Fikirte', 'Hiwot', 'Kidist', 'Liya', 'Mahlet', 'Meseret',
  'Rahel', 'Saba', 'Sara', 'Senait', 'Tsion', 'Yeshi', 'Yordanos', 'Zinash', 'Eden', 'Helen',
  'Emebet', 'Frehiwot', 'Mulu', 'Netsanet', 'Rediet', 'Selam', 'Bezawit', 'Hana', 'Mahider', 'Tsedey',
];
// biome-ignore format: data table, rows kept as written
const AMHARIC_FATHER = [
  ...AMHARIC_MALE,
  'Alemu', 'Assefa', 'Demissie', 'Desta', 'Worku', 'Wolde·mariam', 'Gebre·egziabher', 'Haile·mariam',
  'Tekle·haimanot', 'Gebre·medhin', 'Wolde·giorgis', 'Habte·mariam', 'Wolde·michael', 'Gebre·selassie',
];

// biome-ignore format: data table, rows kept as written
const ARABIC_MALE = [
  'Mohamed', 'Ahmed', 'Osman', 'Abdel·rahman', 'Abdalla', 'Mustafa', 'Ibrahim', 'Yousif', 'Hassan', 'Hussein',
  'Omer', 'Khalid', 'Adam', 'Ali', 'Babiker', 'Elfadil', 'Elsadig', 'Hamid', 'Ismail', 'Mubarak',
  'Musa', 'Nasr·eldin', 'Salah', 'Tarig', 'Yasir', 'Abubakar', 'Awad', 'Bashir', 'Elnour', 'Faisal',
  'Hamza', 'Idris', 'Jamal', 'Mahmoud', 'Mohanad', 'Mujtaba', 'Sami', 'Siddig', 'Zakaria', 'Abdel·aziz',
  'Ishag', 'Yagoub', 'Gasim', 'Abdel·gadir', 'Suliman', 'Elamin', 'Anwar', 'Bakri', 'Emad', 'Hashim',
  'Haitham', 'Majdi', 'Moawia', 'Nabil', 'Osama', 'Rashid', 'Saad', 'Walid', 'Yahya', 'Zubair',
];
// biome-ignore format: data table, rows kept as written
const ARABIC_FEMALE = [
  'Fatima', 'Amna', 'Asma', 'Hiba', 'Khadija', 'Mariam', 'Nafisa', 'Rania', 'Sara', 'Samia',
  'Tasneem', 'Zainab', 'Hawa', 'Aisha', 'Safa', 'Marwa', 'Nusiba', 'Reem', 'Ikhlas', 'Ilham',
  'Suad', 'Amal', 'Duaa', 'Fadwa', 'Hanan', 'Huda', 'Iman', 'Layla', 'Lubna', 'Manal',
  'Nada', 'Nour', 'Rasha', 'Salma', 'Sawsan', 'Shaima', 'Wafa', 'Yasmin', 'Zahra', 'Alaa',
];
/** Sudanese grandfathers' and family names. */
// biome-ignore format: data table, rows kept as written
const SUDANESE_FATHER = [
  ...ARABIC_MALE,
  'Elhassan', 'Elsheikh', 'Abdel·rahim', 'Hamdan', 'Eltayeb', 'Elbashir', 'Abbakar', 'Haroun', 'Bakheet',
  'Elmahi', 'Fadlalla', 'Abdel·moneim', 'Eltom', 'Khamis', 'Dafalla', 'Elkhidir', 'Abdel·bagi',
];
// biome-ignore format: data table, rows kept as written
const ARABIC_FAMILY = [
  'Al-Hassan', 'Haddad', 'Khoury', 'Darwish', 'Hamdan', 'Saleh', 'Mansour', 'Nasser', 'Ibrahim', 'Abdullah',
  'Al-Ahmad', 'Hussein', 'Othman', 'Kassem', 'Sabbagh', 'Shaker', 'Youssef', 'Zaher', 'Hamoud', 'Al-Khatib',
  'Al-Masri', 'Qasim', 'Jaber', 'Suleiman', 'Abbas', 'Said', 'Fahmy', 'Mahmoud', 'Fawzi', 'Abdel·fattah',
  'Abdel·aziz', 'El-Sayed', 'Ragab', 'Shawky', 'Hegazy', 'Fathy', 'Mostafa', 'Farouk', 'Amin', 'Al-Halabi',
  'Al-Homsi', 'Hariri', 'Najjar', 'Khalil', 'Aboud', 'Al-Ali', 'Rahman', 'Barakat', 'Hamada', 'Awad',
];

// biome-ignore format: data table, rows kept as written
const KURDISH_MALE = [
  'Aram', 'Rebwar', 'Karwan', 'Dilshad', 'Hawre', 'Sherko', 'Azad', 'Shwan', 'Bakhtiyar', 'Diyar',
  'Hemin', 'Soran', 'Zana', 'Rawand', 'Kawa', 'Hardi', 'Ari', 'Baran', 'Hiwa', 'Kamaran',
  'Nawzad', 'Sarkawt', 'Shakhawan', 'Alan', 'Barzan', 'Dara', 'Goran', 'Hogr', 'Karzan', 'Peshawa',
  'Rekan', 'Saman', 'Sirwan', 'Yad', 'Zirak', 'Awat', 'Bestun', 'Didar', 'Hazhar', 'Shaho',
];
// biome-ignore format: data table, rows kept as written
const KURDISH_FEMALE = [
  'Shilan', 'Rozhan', 'Nasrin', 'Bahar', 'Kani', 'Lana', 'Dilan', 'Hana', 'Shno', 'Sozan',
  'Avin', 'Zhyan', 'Awaz', 'Bayan', 'Chra', 'Gulala', 'Hataw', 'Kazhal', 'Naz', 'Nishtiman',
  'Roza', 'Sakar', 'Shirin', 'Tavga', 'Zhino', 'Berivan', 'Delal', 'Helin', 'Ronak', 'Sarwa',
];
// biome-ignore format: data table, rows kept as written
const KURDISH_FAMILY = [
  'Ahmed', 'Mohammed', 'Aziz', 'Karim', 'Rashid', 'Hamad', 'Qadir', 'Abdullah', 'Mahmoud', 'Saleh',
  'Hassan', 'Omar', 'Othman', 'Rasul', 'Salih', 'Jalal', 'Hama·amin', 'Faraj', 'Ali', 'Mustafa',
  'Ismail', 'Hussein', 'Jamal', 'Khidir', 'Majid', 'Nuri', 'Rahim', 'Sabir', 'Tahir', 'Wali',
  'Hama·rashid', 'Hama·salih', 'Abdul·karim', 'Kaka', 'Barzani', 'Zebari', 'Hawrami', 'Mahmood', 'Kakil', 'Sharif',
];

// biome-ignore format: data table, rows kept as written
const PERSIAN_MALE = [
  'Ali', 'Reza', 'Mohammad', 'Hossein', 'Mehdi', 'Amir', 'Hamid', 'Saeed', 'Majid', 'Behzad',
  'Dariush', 'Farhad', 'Kaveh', 'Omid', 'Payam', 'Arash', 'Babak', 'Navid', 'Sina', 'Pouya',
  'Masoud', 'Morteza', 'Hadi', 'Javad', 'Kian', 'Mahmoud', 'Mostafa', 'Nima', 'Parviz', 'Ramin',
  'Shahin', 'Vahid', 'Yaser', 'Ehsan', 'Peyman', 'Amir·hossein', 'Mohammad·reza', 'Ali·reza', 'Behrouz', 'Kamran',
];
// biome-ignore format: data table, rows kept as written
const PERSIAN_FEMALE = [
  'Maryam', 'Fatemeh', 'Zahra', 'Sara', 'Neda', 'Leila', 'Shirin', 'Nazanin', 'Parisa', 'Mahsa',
  'Niloufar', 'Azadeh', 'Roya', 'Yasmin', 'Elham', 'Samira', 'Atefeh', 'Bahareh', 'Golnaz', 'Hoda',
  'Mina', 'Mitra', 'Narges', 'Pegah', 'Sahar', 'Sepideh', 'Shiva', 'Soheila', 'Tara', 'Ziba',
];
// biome-ignore format: data table, rows kept as written
const PERSIAN_FAMILY = [
  'Mohammadi', 'Hosseini', 'Ahmadi', 'Rezaei', 'Moradi', 'Karimi', 'Jafari', 'Rahimi', 'Hashemi', 'Ghasemi',
  'Sadeghi', 'Heidari', 'Kazemi', 'Akbari', 'Rostami', 'Ebrahimi', 'Nouri', 'Azizi', 'Salehi', 'Amini',
  'Bagheri', 'Kiani', 'Shirazi', 'Tehrani', 'Farahani', 'Mousavi', 'Najafi', 'Zamani', 'Abbasi', 'Ghorbani',
  'Soltani', 'Taheri', 'Mirzaei', 'Rahmani', 'Yazdani', 'Alavi', 'Esfahani', 'Safari', 'Habibi', 'Jalali',
];

// biome-ignore format: data table, rows kept as written
const AFGHAN_MALE = [
  'Ahmad', 'Mohammad', 'Abdul', 'Ali', 'Habib·ullah', 'Naqib·ullah', 'Rahmat·ullah', 'Sami·ullah', 'Zabih·ullah', 'Gul',
  'Jawad', 'Farid', 'Hamid', 'Karim', 'Nasir', 'Omid', 'Rahim', 'Sayed', 'Sharif', 'Wahid',
  'Zahir', 'Ajmal', 'Bashir', 'Mirwais', 'Nawid', 'Shafiq', 'Asad·ullah', 'Hekmat·ullah', 'Ihsan·ullah', 'Khalil',
  'Masih·ullah', 'Mujib', 'Najib', 'Obaid·ullah', 'Qadir', 'Rafi', 'Sohail', 'Tamim', 'Yama', 'Zaki',
];
// biome-ignore format: data table, rows kept as written
const AFGHAN_FEMALE = [
  'Fatima', 'Maryam', 'Zahra', 'Shabnam', 'Fariba', 'Mariam', 'Nargis', 'Parwana', 'Farzana', 'Nilofar',
  'Roya', 'Sima', 'Wahida', 'Malalai', 'Marzia', 'Lina', 'Freshta', 'Mursal', 'Habiba', 'Khatera',
  'Laila', 'Mahbooba', 'Nazifa', 'Sadaf', 'Zarghona', 'Hosai', 'Madina', 'Sahar', 'Soraya', 'Tahmina',
];
// biome-ignore format: data table, rows kept as written
const AFGHAN_FAMILY = [
  'Ahmadzai', 'Popal', 'Karimi', 'Rahimi', 'Sultani', 'Noori', 'Hakimi', 'Safi', 'Stanekzai', 'Wardak',
  'Amiri', 'Hashimi', 'Mohammadi', 'Rezaei', 'Haidari', 'Sadat', 'Yousufzai', 'Niazi', 'Azizi', 'Habibi',
  'Jalali', 'Nazari', 'Rasuli', 'Samadi', 'Sherzad', 'Durrani', 'Mohmand', 'Shinwari', 'Kakar', 'Zadran',
  'Hotak', 'Barakzai', 'Alokozay', 'Nabizada', 'Hussaini', 'Qaderi', 'Rahmani', 'Sediqi', 'Wali', 'Zaheer',
];

// biome-ignore format: data table, rows kept as written
const ROMANIAN_MALE = [
  'Andrei', 'Alexandru', 'Ionuț', 'Mihai', 'Florin', 'Marius', 'Adrian', 'Cristian', 'Gheorghe', 'Ion',
  'Vasile', 'Constantin', 'Ștefan', 'Bogdan', 'Cătălin', 'Costel', 'Dănuț', 'Nicolae', 'Sorin', 'Valentin',
  'Gabriel', 'Daniel', 'Răzvan', 'Viorel', 'Ciprian', 'Dorin', 'Emil', 'Florian', 'Georgian', 'Iulian',
  'Lucian', 'Marian', 'Mircea', 'Ovidiu', 'Petru', 'Radu', 'Sebastian', 'Silviu', 'Traian', 'Vlad',
  'Aurel', 'Dumitru', 'Claudiu', 'Liviu', 'Cosmin',
];
// biome-ignore format: data table, rows kept as written
const ROMANIAN_FEMALE = [
  'Maria', 'Elena', 'Ioana', 'Andreea', 'Alina', 'Mihaela', 'Cristina', 'Gabriela', 'Ana', 'Florentina',
  'Daniela', 'Nicoleta', 'Georgiana', 'Roxana', 'Simona', 'Bianca', 'Ramona', 'Larisa', 'Loredana', 'Mădălina',
  'Oana', 'Camelia', 'Adriana', 'Alexandra', 'Carmen', 'Corina', 'Diana', 'Denisa', 'Ionela', 'Irina',
  'Lavinia', 'Liliana', 'Luminița', 'Marinela', 'Monica', 'Petronela', 'Raluca', 'Rodica', 'Violeta', 'Ștefania',
  'Anca', 'Claudia', 'Sorina', 'Valentina', 'Cătălina',
];
// biome-ignore format: data table, rows kept as written
const ROMANIAN_FAMILY = [
  'Popescu', 'Ionescu', 'Popa', 'Pop', 'Radu', 'Dumitru', 'Stan', 'Stoica', 'Gheorghe', 'Matei',
  'Ciobanu', 'Rusu', 'Munteanu', 'Constantin', 'Moldovan', 'Lungu', 'Mocanu', 'Marin', 'Tudor', 'Florea',
  'Dinu', 'Ungureanu', 'Lazăr', 'Mihai', 'Niculescu', 'Bălan', 'Ștefan', 'Ardeleanu', 'Țurcanu', 'Dragomir',
  'Ene', 'Barbu', 'Neagu', 'Oprea', 'Voicu', 'Cristea', 'Toma', 'Enache', 'Sârbu', 'Căldăraru',
  'Preda', 'Ilie', 'Nistor', 'Manea', 'Vasile', 'Roman', 'Surdu', 'Zamfir', 'Anghel', 'Bratu',
  'Dobre', 'Ghiță', 'Iordache', 'Lupu', 'Mitrea', 'Nedelcu', 'Pavel', 'Răducanu', 'Sandu', 'Tănase',
];

// biome-ignore format: data table, rows kept as written
const POLISH_MALE = [
  'Piotr', 'Krzysztof', 'Andrzej', 'Tomasz', 'Paweł', 'Michał', 'Marcin', 'Jakub', 'Adam', 'Łukasz',
  'Mateusz', 'Marek', 'Grzegorz', 'Jan', 'Kamil', 'Dariusz', 'Wojciech', 'Rafał', 'Sebastian', 'Zbigniew',
  'Bartosz', 'Dawid', 'Jerzy', 'Mariusz', 'Przemysław', 'Szymon', 'Artur', 'Daniel', 'Damian', 'Janusz',
  'Jarosław', 'Kacper', 'Konrad', 'Maciej', 'Patryk', 'Robert', 'Sławomir', 'Stanisław', 'Tadeusz', 'Zdzisław',
  'Ryszard', 'Henryk', 'Bogdan', 'Radosław', 'Leszek',
];
// biome-ignore format: data table, rows kept as written
const POLISH_FEMALE = [
  'Anna', 'Maria', 'Katarzyna', 'Małgorzata', 'Agnieszka', 'Barbara', 'Ewa', 'Krystyna', 'Magdalena', 'Joanna',
  'Aleksandra', 'Monika', 'Zofia', 'Natalia', 'Beata', 'Dorota', 'Justyna', 'Karolina', 'Agata', 'Paulina',
  'Marta', 'Jolanta', 'Iwona', 'Grażyna', 'Renata', 'Sylwia', 'Weronika', 'Elżbieta', 'Halina', 'Irena',
  'Izabela', 'Kamila', 'Patrycja', 'Urszula', 'Wioletta', 'Żaneta', 'Danuta', 'Edyta', 'Emilia', 'Bożena',
  'Alicja', 'Teresa', 'Klaudia', 'Dominika', 'Ilona',
];
/** Masculine forms; feminine ones are derived (Kowalski -> Kowalska). */
// biome-ignore format: data table, rows kept as written
const POLISH_FAMILY = [
  'Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak',
  'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur', 'Kwiatkowski', 'Krawczyk', 'Piotrowski', 'Grabowski', 'Nowakowski', 'Pawłowski',
  'Michalski', 'Król', 'Wieczorek', 'Jabłoński', 'Wróbel', 'Nowicki', 'Majewski', 'Olszewski', 'Stępień', 'Jaworski',
  'Malinowski', 'Adamczyk', 'Dudek', 'Nowacki', 'Pawlak', 'Górski', 'Witkowski', 'Walczak', 'Sikora', 'Baran',
  'Rutkowski', 'Michalak', 'Szewczyk', 'Ostrowski', 'Tomaszewski', 'Pietrzak', 'Zalewski', 'Wróblewski', 'Jasiński', 'Zając',
  'Marciniak', 'Sadowski', 'Bąk', 'Duda', 'Włodarczyk', 'Chmielewski', 'Borkowski', 'Sokołowski', 'Szczepański', 'Kaczmarek',
];

// biome-ignore format: data table, rows kept as written
const CHINESE_FAMILY = [
  'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou',
  'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Lin', 'Gao', 'Luo',
  'Zheng', 'Liang', 'Xie', 'Song', 'Tang', 'Han', 'Feng', 'Deng', 'Cao', 'Peng',
  'Zeng', 'Xiao', 'Tian', 'Dong', 'Pan', 'Yuan', 'Cai', 'Jiang', 'Yu', 'Du',
  'Ye', 'Cheng', 'Wei', 'Su', 'Lü',
];
// biome-ignore format: data table, rows kept as written
const CHINESE_MALE = [
  'Wei', 'Jun', 'Hao', 'Lei', 'Yang', 'Jie', 'Tao', 'Ming', 'Qiang', 'Jian',
  'Bo', 'Peng', 'Chao', 'Xin', 'Yu', 'Zhi·qiang', 'Jian·guo', 'Hai·tao', 'Xiao·ming', 'Zhi·wei',
  'Jian·hua', 'Wen·bin', 'Jia·hao', 'Zi·hao', 'Hao·ran', 'Yu·xuan', 'Jun·jie', 'Guo·qiang', 'Jian·jun', 'Dong·sheng',
  'Li·wei', 'Xiao·long', 'Cheng·long', 'Tian·yu', 'Wen·jie', 'Yong·gang', 'Zhen·yu', 'Hong·wei', 'Shi·jie', 'Kai',
];
// biome-ignore format: data table, rows kept as written
const CHINESE_FEMALE = [
  'Fang', 'Na', 'Jing', 'Min', 'Yan', 'Xiu·ying', 'Xiao·yan', 'Li·hua', 'Hong', 'Juan',
  'Mei', 'Ying', 'Hui', 'Lin', 'Yun', 'Ting', 'Qian', 'Xue', 'Li·na', 'Xiao·hong',
  'Gui·ying', 'Yu·lan', 'Shu·fen', 'Xiu·lan', 'Hai·yan', 'Xiao·li', 'Mei·ling', 'Jia·yi', 'Zi·han', 'Yu·tong',
  'Xin·yi', 'Si·yu', 'Wen·jing', 'Li·juan', 'Chun·mei', 'Dan', 'Lan', 'Qing', 'Rui', 'Yue',
];

// biome-ignore format: data table, rows kept as written
const NIGERIAN_MALE = [
  'Chinedu', 'Emeka', 'Oluwaseun', 'Babatunde', 'Ibrahim', 'Musa', 'Chukwuemeka', 'Olumide', 'Adebayo', 'Obinna',
  'Ikechukwu', 'Olusegun', 'Oluwafemi', 'Kelechi', 'Uchenna', 'Yusuf', 'Abubakar', 'Samuel', 'David', 'Daniel',
  'Emmanuel', 'Godwin', 'Sunday', 'Victor', 'Kingsley', 'Chidi', 'Oluwatobi', 'Ayodeji', 'Tochukwu', 'Chibuike',
  'Nnamdi', 'Ifeanyi', 'Damilola', 'Oluwadamilare', 'Chinonso', 'Babajide', 'Adewale', 'Olawale', 'Kunle', 'Segun',
  'Abdullahi', 'Aliyu', 'Usman', 'Sani', 'Bello', 'Friday', 'Blessing', 'Precious', 'Prince', 'Osagie',
];
// biome-ignore format: data table, rows kept as written
const NIGERIAN_FEMALE = [
  'Chioma', 'Ngozi', 'Oluwafunmilayo', 'Adaeze', 'Blessing', 'Grace', 'Precious', 'Joy', 'Aisha', 'Fatima',
  'Folake', 'Oluwakemi', 'Yetunde', 'Nneka', 'Chiamaka', 'Ifeoma', 'Temitope', 'Omolara', 'Bukola', 'Esther',
  'Favour', 'Patience', 'Mercy', 'Halima', 'Zainab', 'Oluwatoyin', 'Adenike', 'Funke', 'Ebere', 'Uchechi',
  'Amarachi', 'Chinwe', 'Ogechi', 'Olamide', 'Oluwabunmi', 'Osasere', 'Eki', 'Gift', 'Peace', 'Comfort',
  'Abimbola', 'Titilayo', 'Hauwa', 'Hadiza', 'Khadijat',
];
// biome-ignore format: data table, rows kept as written
const NIGERIAN_FAMILY = [
  'Okafor', 'Okonkwo', 'Adeyemi', 'Ogunleye', 'Balogun', 'Eze', 'Nwosu', 'Obi', 'Adebayo', 'Okeke',
  'Ibrahim', 'Bello', 'Abubakar', 'Onyeka', 'Olawale', 'Oyelaran', 'Adewale', 'Akinola', 'Chukwu', 'Nwachukwu',
  'Okoro', 'Onuoha', 'Ogbonna', 'Ajayi', 'Afolabi', 'Oladipo', 'Ogundipe', 'Usman', 'Yusuf', 'Danjuma',
  'Emenike', 'Igwe', 'Obiora', 'Nwankwo', 'Eze·ani', 'Osagie', 'Omoregie', 'Igbinedion', 'Edo', 'Aigbe',
  'Oyewole', 'Adeleke', 'Fashola', 'Ogunbanjo', 'Akande', 'Adekunle', 'Olaniyan', 'Bakare', 'Lawal', 'Salami',
  'Okwu', 'Anyanwu', 'Uzor', 'Ezenwa', 'Mbah',
];

// biome-ignore format: data table, rows kept as written
const INDIAN_MALE = [
  'Rajesh', 'Amit', 'Sunil', 'Vijay', 'Ravi', 'Sanjay', 'Deepak', 'Manoj', 'Arjun', 'Rahul',
  'Harpreet', 'Gurpreet', 'Jaspreet', 'Manpreet', 'Kuldeep', 'Sandeep', 'Ramesh', 'Suresh', 'Anil', 'Ashok',
  'Vikram', 'Karan', 'Rohit', 'Nikhil', 'Prakash', 'Mahesh', 'Dinesh', 'Rakesh', 'Ajay', 'Vivek',
  'Gagandeep', 'Balwinder', 'Jaswinder', 'Paramjit', 'Harjit', 'Naveen', 'Pradeep', 'Sachin', 'Santosh', 'Yogesh',
];
// biome-ignore format: data table, rows kept as written
const INDIAN_FEMALE = [
  'Priya', 'Pooja', 'Anjali', 'Sunita', 'Neha', 'Kavita', 'Deepa', 'Simran', 'Rekha', 'Meena',
  'Lakshmi', 'Divya', 'Sangeeta', 'Anita', 'Geeta', 'Jyoti', 'Kiran', 'Manjit', 'Navneet', 'Rajinder',
  'Shalini', 'Swati', 'Usha', 'Asha', 'Bhavna', 'Harleen', 'Komal', 'Nisha', 'Preeti', 'Radha',
  'Ritu', 'Seema', 'Sonia', 'Sukhwinder', 'Vandana',
];
// biome-ignore format: data table, rows kept as written
const INDIAN_FAMILY = [
  'Patel', 'Sharma', 'Singh', 'Kumar', 'Gupta', 'Shah', 'Reddy', 'Nair', 'Das', 'Verma',
  'Mehta', 'Joshi', 'Chauhan', 'Yadav', 'Gill', 'Sandhu', 'Sidhu', 'Dhillon', 'Rao', 'Iyer',
  'Pillai', 'Mistry', 'Desai', 'Jain', 'Malhotra', 'Kapoor', 'Bhatt', 'Grewal', 'Bains', 'Chopra',
  'Thakur', 'Mishra', 'Pandey', 'Naidu', 'Menon',
];

// biome-ignore format: data table, rows kept as written
const PAKISTANI_MALE = [
  'Muhammad', 'Ali', 'Ahmed', 'Hassan', 'Imran', 'Usman', 'Bilal', 'Zubair', 'Kashif', 'Asad',
  'Waqas', 'Adnan', 'Shahid', 'Tariq', 'Nadeem', 'Faisal', 'Zeeshan', 'Hamza', 'Umar', 'Asif',
  'Kamran', 'Adeel', 'Arslan', 'Danish', 'Fahad', 'Haris', 'Junaid', 'Khurram', 'Mudassar', 'Naveed',
  'Rizwan', 'Saqib', 'Shoaib', 'Talha', 'Waseem', 'Yasir', 'Zahid', 'Aamir', 'Irfan', 'Sajid',
];
// biome-ignore format: data table, rows kept as written
const PAKISTANI_FEMALE = [
  'Ayesha', 'Fatima', 'Sana', 'Sadia', 'Nadia', 'Rabia', 'Hina', 'Saima', 'Shazia', 'Amina',
  'Mehwish', 'Zainab', 'Iqra', 'Maryam', 'Asma', 'Bushra', 'Farah', 'Huma', 'Kiran', 'Lubna',
  'Naila', 'Rukhsana', 'Samina', 'Shabana', 'Tahira', 'Uzma', 'Nazia', 'Sobia', 'Aqsa', 'Anum',
];
// biome-ignore format: data table, rows kept as written
const PAKISTANI_FAMILY = [
  'Khan', 'Ahmed', 'Ali', 'Hussain', 'Iqbal', 'Butt', 'Malik', 'Akhtar', 'Shah', 'Raza',
  'Chaudhry', 'Qureshi', 'Anwar', 'Aslam', 'Javed', 'Mahmood', 'Rashid', 'Sheikh', 'Mirza', 'Baig',
  'Rehman', 'Siddiqui', 'Abbasi', 'Bhatti', 'Cheema', 'Dar', 'Awan', 'Mughal', 'Niazi', 'Tariq',
];

// biome-ignore format: data table, rows kept as written
const VIETNAMESE_FAMILY: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 5], ['Huỳnh', 4], ['Phan', 4.5],
  ['Vũ', 3.9], ['Võ', 3], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3],
  ['Dương', 1], ['Lý', 0.5], ['Trương', 1], ['Đinh', 0.8], ['Mai', 0.5], ['Lương', 0.5], ['Cao', 0.3],
  ['Tạ', 0.3], ['Đoàn', 0.4], ['Lâm', 0.3],
];
// biome-ignore format: data table, rows kept as written
const VIETNAMESE_MIDDLE_MALE: readonly (readonly [string, number])[] = [
  ['Văn', 45], ['Đức', 8], ['Minh', 8], ['Hữu', 7], ['Quang', 6], ['Thanh', 5], ['Công', 5], ['Xuân', 4],
  ['Ngọc', 3], ['Đình', 4], ['Trọng', 3], ['Tuấn', 2],
];
// biome-ignore format: data table, rows kept as written
const VIETNAMESE_MIDDLE_FEMALE: readonly (readonly [string, number])[] = [
  ['Thị', 60], ['Ngọc', 8], ['Thu', 6], ['Thanh', 6], ['Kim', 5], ['Mỹ', 4], ['Phương', 4], ['Thùy', 3],
  ['Bảo', 2], ['Hồng', 2],
];
// biome-ignore format: data table, rows kept as written
const VIETNAMESE_MALE = [
  'Hùng', 'Dũng', 'Tuấn', 'Minh', 'Hải', 'Long', 'Nam', 'Sơn', 'Thắng', 'Cường',
  'Phong', 'Quân', 'Trung', 'Đức', 'Hiếu', 'Hoàng', 'Khánh', 'Việt', 'Thành', 'Tùng',
  'Bình', 'Duy', 'Hưng', 'Huy', 'Kiên', 'Lâm', 'Lộc', 'Mạnh', 'Nghĩa', 'Phúc',
  'Quang', 'Tài', 'Tâm', 'Thái', 'Thiện', 'Thịnh', 'Toàn', 'Trí', 'Vinh', 'Vũ',
  'Anh', 'Bảo', 'Đạt', 'Hậu', 'Khoa', 'Tú', 'Hòa', 'Chiến',
];
// biome-ignore format: data table, rows kept as written
const VIETNAMESE_FEMALE = [
  'Hương', 'Lan', 'Linh', 'Mai', 'Ngọc', 'Trang', 'Hằng', 'Thảo', 'Hoa', 'Huyền',
  'Nhung', 'Phương', 'Anh', 'Thủy', 'Yến', 'Vy', 'Hạnh', 'Dung', 'Loan', 'Oanh',
  'Chi', 'Diệp', 'Giang', 'Hà', 'Hiền', 'Hồng', 'Huệ', 'Lệ', 'Liên', 'Ly',
  'My', 'Nga', 'Ngân', 'Nhi', 'Quỳnh', 'Tâm', 'Thu', 'Thư', 'Trinh', 'Uyên',
  'Vân', 'Xuân', 'Hòa', 'Thúy',
];

// --- cultures ----------------------------------------------------------------------------------------

type Structure = 'western' | 'patronymic' | 'vietnamese' | 'chinese';

interface CulturePool {
  structure: Structure;
  male: readonly string[];
  female: readonly string[];
  family: readonly string[];
  /** Zipf-like skew of family-name frequency by list position (0 = uniform). */
  familySkew: number;
  /** Chance of a middle (second given) name, drawn from the same given-name pool. */
  middleChance: number;
  /** The second name is the father's name (Arabic naming), so it is always a man's name. */
  middleIsFather?: boolean;
}

// biome-ignore format: data table, rows kept as written
const POOLS: Record<Exclude<NameCulture, 'vietnamese'>, CulturePool> = {
  english: { structure: 'western', male: ENGLISH_MALE, female: ENGLISH_FEMALE, family: ENGLISH_FAMILY, familySkew: 0.6, middleChance: 0.35 },
  albanian: { structure: 'western', male: ALBANIAN_MALE, female: ALBANIAN_FEMALE, family: ALBANIAN_FAMILY, familySkew: 0.5, middleChance: 0 },
  tigrinya: { structure: 'patronymic', male: TIGRINYA_MALE, female: TIGRINYA_FEMALE, family: TIGRINYA_FATHER, familySkew: 0.2, middleChance: 0 },
  amharic: { structure: 'patronymic', male: AMHARIC_MALE, female: AMHARIC_FEMALE, family: AMHARIC_FATHER, familySkew: 0.2, middleChance: 0 },
  sudanese: { structure: 'patronymic', male: ARABIC_MALE, female: ARABIC_FEMALE, family: SUDANESE_FATHER, familySkew: 0.7, middleChance: 0 },
  arabic: { structure: 'western', male: ARABIC_MALE, female: ARABIC_FEMALE, family: ARABIC_FAMILY, familySkew: 0.4, middleChance: 0.3, middleIsFather: true },
  kurdish: { structure: 'patronymic', male: KURDISH_MALE, female: KURDISH_FEMALE, family: KURDISH_FAMILY, familySkew: 0.5, middleChance: 0 },
  persian: { structure: 'western', male: PERSIAN_MALE, female: PERSIAN_FEMALE, family: PERSIAN_FAMILY, familySkew: 0.5, middleChance: 0 },
  afghan: { structure: 'western', male: AFGHAN_MALE, female: AFGHAN_FEMALE, family: AFGHAN_FAMILY, familySkew: 0.3, middleChance: 0 },
  romanian: { structure: 'western', male: ROMANIAN_MALE, female: ROMANIAN_FEMALE, family: ROMANIAN_FAMILY, familySkew: 0.6, middleChance: 0.2 },
  polish: { structure: 'western', male: POLISH_MALE, female: POLISH_FEMALE, family: POLISH_FAMILY, familySkew: 0.6, middleChance: 0.1 },
  chinese: { structure: 'chinese', male: CHINESE_MALE, female: CHINESE_FEMALE, family: CHINESE_FAMILY, familySkew: 0.9, middleChance: 0 },
  nigerian: { structure: 'western', male: NIGERIAN_MALE, female: NIGERIAN_FEMALE, family: NIGERIAN_FAMILY, familySkew: 0.3, middleChance: 0.4 },
  indian: { structure: 'western', male: INDIAN_MALE, female: INDIAN_FEMALE, family: INDIAN_FAMILY, familySkew: 0.7, middleChance: 0.05 },
  pakistani: { structure: 'western', male: PAKISTANI_MALE, female: PAKISTANI_FEMALE, family: PAKISTANI_FAMILY, familySkew: 0.6, middleChance: 0.1, middleIsFather: true },
};

function zipf(items: readonly string[], skew: number): (rng: Rng) => string {
  return weightedPicker(items.map((name, i) => [name, 1 / (i + 1) ** skew] as const));
}

const familyPickers = new Map<NameCulture, (rng: Rng) => string>();
for (const [culture, pool] of Object.entries(POOLS) as [NameCulture, CulturePool][]) {
  familyPickers.set(culture, zipf(pool.family, pool.familySkew));
}
familyPickers.set('vietnamese', weightedPicker(VIETNAMESE_FAMILY));
const vnMiddleMale = weightedPicker(VIETNAMESE_MIDDLE_MALE);
const vnMiddleFemale = weightedPicker(VIETNAMESE_MIDDLE_FEMALE);

// --- nationality mix ---------------------------------------------------------------------------------

/**
 * Share of each nationality among the people, per cent. Calibrated to the 2024 NRM referrals (DOMAIN §3,
 * seed 002): UK nationals 23%, then Albania, Eritrea and Vietnam; the rest follows the published order of
 * the next most referred nationalities, rounded.
 */
// biome-ignore format: data table, rows kept as written
export const NATIONALITY_MIX: readonly (readonly [string, number])[] = [
  ['GB', 23], ['AL', 10], ['ER', 9], ['VN', 8], ['SD', 6.5], ['RO', 5], ['IN', 5], ['NG', 5],
  ['AF', 4], ['CN', 3.5], ['ET', 3.5], ['IR', 3.5], ['IQ', 3.5], ['PK', 3], ['PL', 3], ['SY', 2.5],
  ['EG', 2],
];

/** Naming cultures within a nationality (British people of many heritages; Iraqi Kurds and Arabs...). */
// biome-ignore format: data table, rows kept as written
const CULTURES_BY_NATIONALITY: Record<string, readonly (readonly [NameCulture, number])[]> = {
  GB: [['english', 84], ['pakistani', 6], ['indian', 5], ['nigerian', 5]],
  AL: [['albanian', 1]],
  ER: [['tigrinya', 1]],
  ET: [['amharic', 70], ['tigrinya', 30]],
  VN: [['vietnamese', 1]],
  SD: [['sudanese', 1]],
  SY: [['arabic', 85], ['kurdish', 15]],
  EG: [['arabic', 1]],
  IQ: [['kurdish', 70], ['arabic', 30]],
  IR: [['persian', 80], ['kurdish', 20]],
  AF: [['afghan', 1]],
  RO: [['romanian', 1]],
  PL: [['polish', 1]],
  CN: [['chinese', 1]],
  NG: [['nigerian', 1]],
  IN: [['indian', 1]],
  PK: [['pakistani', 1]],
};

/** Share of men among referred people of each nationality (most NRM referrals are male). */
// biome-ignore format: data table, rows kept as written
const MALE_SHARE: Record<string, number> = {
  GB: 0.75, AL: 0.8, ER: 0.82, ET: 0.7, VN: 0.65, SD: 0.95, SY: 0.9, EG: 0.92, IQ: 0.9, IR: 0.85,
  AF: 0.95, RO: 0.6, PL: 0.7, CN: 0.5, NG: 0.45, IN: 0.75, PK: 0.85,
};

export const NATIONALITIES: readonly string[] = NATIONALITY_MIX.map(([code]) => code);

const nationalityPicker = weightedPicker(NATIONALITY_MIX);
const culturePickers = new Map(
  Object.entries(CULTURES_BY_NATIONALITY).map(([code, mix]) => [code, weightedPicker(mix)] as const),
);

export function drawNationality(rng: Rng): string {
  return nationalityPicker(rng);
}

export function drawCulture(rng: Rng, nationality: string): NameCulture {
  const picker = culturePickers.get(nationality);
  if (!picker) throw new RangeError(`no naming culture for nationality ${nationality}`);
  return picker(rng);
}

export function drawGender(rng: Rng, nationality: string): TruthGender {
  return rng.chance(MALE_SHARE[nationality] ?? 0.7) ? 'male' : 'female';
}

/** The culture the nationality's people most often belong to (used where one culture must be chosen). */
export function primaryCulture(nationality: string): NameCulture {
  const mix = CULTURES_BY_NATIONALITY[nationality];
  if (!mix) throw new RangeError(`no naming culture for nationality ${nationality}`);
  return mix[0][0];
}

// --- drawing names -----------------------------------------------------------------------------------

// biome-ignore format: data table, rows kept as written
const POLISH_FEMININE: readonly (readonly [RegExp, string])[] = [
  [/ski$/, 'ska'],
  [/cki$/, 'cka'],
  [/dzki$/, 'dzka'],
];

/** The form of a family name a person of this gender carries (Polish Kowalski / Kowalska). */
export function familyNameForGender(culture: NameCulture, family: string, gender: TruthGender): string {
  if (culture !== 'polish' || gender === 'male') return family;
  for (const [pattern, ending] of POLISH_FEMININE) {
    if (pattern.test(family)) return family.replace(pattern, ending);
  }
  return family;
}

export function drawGivenName(rng: Rng, culture: NameCulture, gender: TruthGender): string {
  if (culture === 'vietnamese') return rng.pick(gender === 'male' ? VIETNAMESE_MALE : VIETNAMESE_FEMALE);
  const pool = POOLS[culture];
  return rng.pick(gender === 'male' ? pool.male : pool.female);
}

/** A family (or, for patronymic cultures, father's) name in its masculine base form. */
export function drawFamilyBase(rng: Rng, culture: NameCulture): string {
  return familyPickers.get(culture)!(rng);
}

/** The family tokens a new person of a culture carries; households pass `base` to share the surname. */
export function drawFamilyTokens(
  rng: Rng,
  culture: NameCulture,
  gender: TruthGender,
  base?: readonly string[],
): string[] {
  if (base) return base.map((t, i) => (i === 0 ? familyNameForGender(culture, t, gender) : t));
  if (culture === 'vietnamese' || culture === 'chinese') return [drawFamilyBase(rng, culture)];
  const pool = POOLS[culture];
  if (pool.structure === 'patronymic') {
    const father = drawFamilyBase(rng, culture);
    let grandfather = drawFamilyBase(rng, culture);
    if (grandfather === father) grandfather = drawFamilyBase(rng, culture);
    return [father, grandfather];
  }
  return [familyNameForGender(culture, drawFamilyBase(rng, culture), gender)];
}

export function drawMiddleTokens(
  rng: Rng,
  culture: NameCulture,
  gender: TruthGender,
  given: string,
): string[] {
  if (culture === 'vietnamese') return [gender === 'male' ? vnMiddleMale(rng) : vnMiddleFemale(rng)];
  const pool = POOLS[culture];
  if (!rng.chance(pool.middleChance)) return [];
  const middle = drawGivenName(rng, culture, pool.middleIsFather ? 'male' : gender);
  return middle === given ? [] : [middle];
}

export function nameOrder(culture: NameCulture): PersonName['order'] {
  return culture === 'vietnamese' || culture === 'chinese' ? 'family-first' : 'given-first';
}

/** A whole new name for a person of a culture. */
export function drawPersonName(
  rng: Rng,
  culture: NameCulture,
  gender: TruthGender,
  familyBase?: readonly string[],
): PersonName {
  const given = drawGivenName(rng, culture, gender);
  return {
    culture,
    given: [given],
    middle: drawMiddleTokens(rng, culture, gender, given),
    family: drawFamilyTokens(rng, culture, gender, familyBase),
    order: nameOrder(culture),
  };
}

/** Pool sizes, for tests and documentation. */
export function poolSizes(culture: NameCulture): { male: number; female: number; family: number } {
  if (culture === 'vietnamese') {
    return {
      male: VIETNAMESE_MALE.length,
      female: VIETNAMESE_FEMALE.length,
      family: VIETNAMESE_FAMILY.length,
    };
  }
  const pool = POOLS[culture];
  return { male: pool.male.length, female: pool.female.length, family: pool.family.length };
}

// biome-ignore format: data table, rows kept as written
export const NAME_CULTURES: readonly NameCulture[] = [
  'english', 'albanian', 'tigrinya', 'amharic', 'vietnamese', 'arabic', 'sudanese', 'kurdish', 'persian',
  'afghan', 'romanian', 'polish', 'chinese', 'nigerian', 'indian', 'pakistani',
];
