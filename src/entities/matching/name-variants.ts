/**
 * Known romanisation variants of names common among people referred in UK modern-slavery and
 * immigration-crime cases (Arabic, Albanian, Vietnamese, Tigrinya/Amharic). Each group maps to its
 * first spelling. The rule-based skeleton in `normalise.ts` catches most other spellings; this list
 * holds the ones a rule cannot reach (abbreviations, letter changes such as j/y, e/i, o/u runs).
 */
const GROUPS: readonly (readonly string[])[] = [
  // Arabic and Muslim names
  ['muhammad', 'mohammed', 'mohamed', 'mohammad', 'mohamad', 'muhammed', 'mohamud', 'mohd', 'muhamad', 'mohammod', 'mahomed'],
  ['ahmad', 'ahmed', 'ahmet', 'ahmd'],
  ['mahmoud', 'mahmood', 'mahmud', 'mehmood'],
  ['hussein', 'hussain', 'husain', 'husayn', 'hossein', 'hosein', 'husein', 'hussien', 'houssein'],
  ['hassan', 'hasan', 'hasson'],
  ['yusuf', 'yousef', 'youssef', 'yusef', 'yousif', 'yousuf', 'yussuf', 'youcef'],
  ['ibrahim', 'ebrahim', 'ibraheem', 'ibrahem', 'brahim'],
  ['mustafa', 'mostafa', 'moustafa', 'mustapha', 'mostapha'],
  ['omar', 'umar', 'omer', 'umer'],
  ['osman', 'othman', 'uthman', 'usman', 'othmane'],
  ['khalid', 'khaled', 'kaled', 'khalied'],
  ['abdullah', 'abdallah', 'abdulla', 'abdalla'],
  ['ismail', 'ismael', 'esmail', 'ismayil'],
  ['suleiman', 'sulaiman', 'soliman', 'sulayman', 'suleyman', 'slimane'],
  ['yahya', 'yehia', 'yahia', 'yehya'],
  ['idris', 'idrees', 'edris'],
  ['jamal', 'gamal', 'djamel', 'jamel'],
  ['fatima', 'fatma', 'fatimah', 'fathima', 'fatemeh', 'fatuma'],
  ['aisha', 'ayesha', 'aysha', 'aicha', 'aishah', 'ayisha'],
  ['khadija', 'khadijah', 'khadidja', 'kadija'],
  ['maryam', 'mariam', 'meryem', 'miriam'],
  ['zainab', 'zaynab', 'zeinab', 'zenab'],
  ['hamid', 'hameed', 'hamed'],
  ['said', 'saeed', 'sayed', 'saied', 'saiid'],
  ['rashid', 'rasheed', 'rachid', 'rashed'],
  ['karim', 'kareem', 'kerim'],
  ['tariq', 'tarek', 'tarik', 'tareq'],
  ['qasim', 'kassim', 'qassim', 'kasim', 'qasem'],
  ['zakaria', 'zakariya', 'zakariyya', 'zakarya'],
  // Albanian
  ['gjon', 'gjoni'],
  ['ilir', 'iliri'],
  ['arben', 'arbeni'],
  ['besnik', 'besniku'],
  ['hoxha', 'hodja', 'hoja', 'hoxhaj'],
  ['kola', 'kolaj'],
  // Vietnamese
  ['nguyen', 'nguyn', 'ngyuen', 'nguen', 'nuyen', 'nguyenn'],
  ['huynh', 'huinh'],
  // Tigrinya and Amharic (Eritrean, Ethiopian)
  ['tesfay', 'tesfaye', 'tesfai', 'tesfa'],
  ['gebre', 'ghebre', 'gebrey', 'gabre', 'ghebrey'],
  ['tsegay', 'tsegai', 'tsegaye', 'segay'],
  ['haile', 'hayle', 'hailay', 'hayleh'],
  ['yohannes', 'yohanes', 'johannes', 'yohanis', 'yohannis'],
  ['mehari', 'mihari', 'mehary'],
  ['berhane', 'birhane', 'berhan', 'birhan', 'brhane'],
  ['tekle', 'teklay', 'tekleh', 'tecle'],
  ['weldu', 'woldu', 'weldai'],
  ['tewelde', 'tewolde', 'tewold'],
  ['mebrahtu', 'mebrahtom', 'mebratu'],
  ['kibrom', 'kiflom', 'kbrom'],
  ['abraham', 'abrham', 'abreham'],
  ['semere', 'semre', 'simret'],
  ['yonas', 'yona'],
  ['dawit', 'dawitt'],
  ['yosief', 'yosef', 'yoseph', 'yusief'],
  ['filmon', 'philmon', 'filemon', 'philemon'],
  ['mussie', 'musie'],
  ['biniam', 'biniyam', 'binyam', 'benyam'],
  ['eyob', 'iyob'],
  ['mulugeta', 'mulgeta'],
  ['ghirmay', 'girmay', 'ghirmai', 'girmai'],
];

const CANONICAL = new Map<string, string>();
for (const group of GROUPS) {
  for (const variant of group) {
    if (!CANONICAL.has(variant)) CANONICAL.set(variant, group[0]);
  }
}

/** The first spelling of the variant group holding `token`, or undefined when the token is in none. */
export function knownVariant(token: string): string | undefined {
  return CANONICAL.get(token);
}

/** Courtesy titles and post-nominals removed from names before comparison. */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'master', 'dr', 'prof', 'professor', 'sir', 'dame', 'lady', 'lord',
  'rev', 'revd', 'reverend', 'fr', 'jr', 'snr', 'jnr', 'sr', 'ii', 'iii', 'iv', 'esq', 'haji', 'hajji',
  'alhaji', 'mme', 'mlle', 'herr', 'frau',
]);

/** Connectors inside Arabic and Ethiopian-Eritrean names that many records leave out. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'ul', 'bin', 'ibn', 'bint', 'binti', 'ben', 'wad', 'wold', 'weld']);

/** Prefixes that open an Arabic theophoric compound ("Abd al-Rahman"); joined to the next token. */
export const ABD_PREFIXES: ReadonlySet<string> = new Set(['abd', 'abdul', 'abdel', 'abdal', 'abdu', 'abdool', 'abdil', 'abdur', 'abdar']);

/**
 * Vietnamese family names (about nine in ten Vietnamese people carry one of these). A full name
 * starting with one is read family name first.
 */
export const VIETNAMESE_FAMILY_NAMES: ReadonlySet<string> = new Set([
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo',
  'duong', 'ly', 'truong', 'dinh', 'lam', 'mai', 'trinh', 'dao', 'cao', 'luong', 'ha', 'ta', 'quach', 'thai',
]);

/** Connectors that belong to the name after them when a full name is split ("Asma Hussein Al Masri"). */
export const SURNAME_PREFIXES: ReadonlySet<string> = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'abu', 'abd', 'abdul', 'abdel', 'ould', 'wad']);
