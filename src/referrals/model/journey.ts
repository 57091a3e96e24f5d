import type { FieldError } from '../../kernel/errors.js';
import {
  AGE_GROUPS,
  type AgeGroup,
  EXPLOITATION_CODES,
  FORCE_CODES,
  GENDERS,
  type Gender,
  INDICATOR_CODES,
  LOCAL_AUTHORITIES,
  SECTOR_CODES,
} from '../catalogue.js';
import { ictgAvailable } from './children.js';
import { isCountryCode, parseCountryList, UNKNOWN_NATIONALITY } from './countries.js';
import { ageOn, type IsoDate, isIsoDate } from './dates.js';
import { type FactItem, type FactItemKind, lines, parseItems } from './facts.js';

/**
 * The referral as a short GOV.UK question-page journey (a first responder finishes it in minutes): the person,
 * consent (adults) or the child's safeguarding (children), the exploitation, the indicators seen, the suspects,
 * then check your answers. Answers are saved as a draft after every page so a time-out never loses work.
 *
 * The outcome follows from the answers: a child is referred without consent; an adult who consents is referred;
 * an adult who does not consent becomes a Duty to Notify, which keeps no identifying field at all.
 */

export interface Answers {
  givenName?: string;
  familyName?: string;
  otherNames?: string;
  dateOfBirth?: IsoDate;
  gender?: Gender;
  nationality?: string;
  ageGroup?: AgeGroup;
  consent?: boolean;
  exploitationTypes?: string[];
  sectors?: string[];
  /** Force areas where the person was found or exploited; the first is where they were found. */
  forceAreas?: string[];
  countryOfOrigin?: string;
  transitCountries?: string[];
  overseasCountries?: string[];
  /** 'YYYY-MM'. */
  exploitationFrom?: string;
  exploitationOngoing?: boolean;
  exploitationTo?: string;
  indicators?: string[];
  /** What the first responder saw and heard. Free text can identify: kept only on a consented referral. */
  account?: string;
  suspects?: string[];
  phones?: string[];
  vehicles?: string[];
  addresses?: string[];
  /** Children: the local authority whose children's services were notified (a Fusion agency code or a name). */
  localAuthority?: string;
  laNotifiedOn?: IsoDate;
  ictgReferred?: boolean;
  missingFromCare?: boolean;
}

/** Fields that identify the person. A Duty to Notify keeps none of them, in the draft or anywhere else. */
export const IDENTITY_FIELDS = ['givenName', 'familyName', 'otherNames', 'dateOfBirth', 'account'] as const;

export type Outcome = 'nrm' | 'dtn';

export function outcomeOf(a: Answers): Outcome | null {
  if (a.ageGroup === 'child') return 'nrm';
  if (a.ageGroup === 'adult' && a.consent === true) return 'nrm';
  if (a.ageGroup === 'adult' && a.consent === false) return 'dtn';
  return null;
}

export const isDtn = (a: Answers) => outcomeOf(a) === 'dtn';

/** Removes every identifying answer (used the moment an adult declines consent). */
export function scrubIdentity(a: Answers): Answers {
  const out: Answers = { ...a };
  for (const f of IDENTITY_FIELDS) delete out[f];
  return out;
}

export const STEPS = ['person', 'consent', 'exploitation', 'indicators', 'suspects', 'child', 'check'] as const;
export type Step = (typeof STEPS)[number];
export const QUESTION_STEPS = STEPS.filter((s) => s !== 'check');
export const isStep = (s: string): s is Step => (STEPS as readonly string[]).includes(s);

export const STEP_TITLES: Record<Step, string> = {
  person: 'About the person',
  consent: 'Consent',
  exploitation: 'The exploitation',
  indicators: 'What you saw',
  suspects: 'Suspects, phones, vehicles and addresses',
  child: "The child's safeguarding",
  check: 'Check your answers',
};

/** The pages this person's journey has, in order. */
export function stepsFor(a: Answers): Step[] {
  return STEPS.filter((s) => (s === 'consent' ? a.ageGroup !== 'child' : s === 'child' ? a.ageGroup === 'child' : true));
}

export function nextStep(step: Step, a: Answers): Step {
  const steps = stepsFor(a);
  const i = steps.indexOf(step);
  return i < 0 ? 'check' : (steps[i + 1] ?? 'check');
}

export function previousStep(step: Step, a: Answers): Step | null {
  const steps = stepsFor(a);
  const i = steps.indexOf(step);
  return i > 0 ? steps[i - 1]! : null;
}

/** Which page asks for each field (error links on the check page go there). */
export const FIELD_STEP: Record<string, Step> = {
  givenName: 'person',
  familyName: 'person',
  otherNames: 'person',
  dateOfBirth: 'person',
  gender: 'person',
  nationality: 'person',
  ageGroup: 'person',
  consent: 'consent',
  exploitationTypes: 'exploitation',
  sectors: 'exploitation',
  forceAreas: 'exploitation',
  forceArea: 'exploitation',
  countryOfOrigin: 'exploitation',
  transitCountries: 'exploitation',
  overseasCountries: 'exploitation',
  exploitationFrom: 'exploitation',
  exploitationTo: 'exploitation',
  exploitationOngoing: 'exploitation',
  indicators: 'indicators',
  account: 'indicators',
  suspects: 'suspects',
  phones: 'suspects',
  vehicles: 'suspects',
  addresses: 'suspects',
  localAuthority: 'child',
  laNotifiedOn: 'child',
  ictgReferred: 'child',
  missingFromCare: 'child',
};

// ---------------------------------------------------------------------------------------------------------------
// Reading a page's form

export type Form = Record<string, string | string[] | undefined>;

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []).map((x) => x.trim()).filter(Boolean);
const yesNo = (v: string | string[] | undefined) => (str(v) === 'yes' ? true : str(v) === 'no' ? false : undefined);

const MAX_NAME = 100;
const MAX_ACCOUNT = 4000;

/** GOV.UK date input (day, month, year boxes) to an ISO date, with the pattern's error messages. */
export function readDate(form: Form, name: string, label: string): { value?: IsoDate; error?: string; blank: boolean } {
  const d = str(form[`${name}-day`]);
  const m = str(form[`${name}-month`]);
  const y = str(form[`${name}-year`]);
  if (!d && !m && !y) return { blank: true };
  const missing = [!d && 'day', !m && 'month', !y && 'year'].filter(Boolean);
  if (missing.length) return { blank: false, error: `${label} must include a ${missing.join(' and ')}` };
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return { blank: false, error: `${label} must be a real date` };
  const value = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (!isIsoDate(value)) return { blank: false, error: `${label} must be a real date` };
  return { blank: false, value };
}

function readMonth(form: Form, name: string, label: string): { value?: string; error?: string; blank: boolean } {
  const m = str(form[`${name}-month`]);
  const y = str(form[`${name}-year`]);
  if (!m && !y) return { blank: true };
  if (!m || !y) return { blank: false, error: `${label} must include a ${!m ? 'month' : 'year'}` };
  if (!/^\d{1,2}$/.test(m) || Number(m) < 1 || Number(m) > 12 || !/^\d{4}$/.test(y)) {
    return { blank: false, error: `${label} must be a real month and year` };
  }
  return { blank: false, value: `${y}-${m.padStart(2, '0')}` };
}

export interface PageResult {
  /** Answers read from the page (valid values only); absent keys are cleared when `clears` lists them. */
  answers: Answers;
  /** Keys this page owns: a key it owns but did not set is removed from the draft. */
  owns: (keyof Answers)[];
  errors: FieldError[];
}

/** Reads one page's form into answers and page-level errors (the same rules as the full check, for this page). */
export function readPage(step: Step, form: Form, current: Answers, today: IsoDate): PageResult {
  const answers: Answers = {};
  const errors: FieldError[] = [];
  const err = (field: string, message: string) => errors.push({ field, message });
  switch (step) {
    case 'person': {
      const givenName = str(form.givenName);
      const familyName = str(form.familyName);
      const otherNames = str(form.otherNames);
      if (givenName) answers.givenName = givenName;
      if (familyName) answers.familyName = familyName;
      if (otherNames) answers.otherNames = otherNames;
      for (const [k, v] of [['givenName', givenName], ['familyName', familyName], ['otherNames', otherNames]] as const) {
        if (v.length > MAX_NAME) err(k, `Names must be ${MAX_NAME} characters or fewer`);
      }
      const dob = readDate(form, 'dateOfBirth', 'Date of birth');
      if (dob.error) err('dateOfBirth', dob.error);
      else if (dob.value) answers.dateOfBirth = dob.value;
      const gender = str(form.gender);
      if (GENDERS.some((g) => g.code === gender)) answers.gender = gender as Gender;
      const nationality = str(form.nationality);
      if (nationality === UNKNOWN_NATIONALITY || isCountryCode(nationality)) answers.nationality = nationality;
      const ageGroup = str(form.ageGroup);
      if (AGE_GROUPS.some((g) => g.code === ageGroup)) answers.ageGroup = ageGroup as AgeGroup;
      // The same checks as on submission, for the fields this page asks.
      for (const e of checkAnswers({ ...current, ...answers }, today, { only: 'person' })) {
        if (!errors.some((x) => x.field === e.field)) errors.push(e);
      }
      return { answers, owns: ['givenName', 'familyName', 'otherNames', 'dateOfBirth', 'gender', 'nationality', 'ageGroup'], errors };
    }
    case 'consent': {
      const consent = yesNo(form.consent);
      if (consent === undefined) err('consent', 'Select whether the person consents to being referred');
      else answers.consent = consent;
      return { answers, owns: ['consent'], errors };
    }
    case 'exploitation': {
      const types = list(form.exploitationTypes).filter((c) => (EXPLOITATION_CODES as string[]).includes(c));
      if (types.length) answers.exploitationTypes = types;
      const sectors = list(form.sectors).filter((c) => SECTOR_CODES.includes(c));
      if (sectors.length) answers.sectors = sectors;
      const main = str(form.forceArea);
      const others = list(form.otherForceAreas).filter((c) => FORCE_CODES.includes(c) && c !== main);
      if (FORCE_CODES.includes(main)) answers.forceAreas = [main, ...others];
      else if (others.length) answers.forceAreas = others;
      const origin = str(form.countryOfOrigin);
      if (origin && isCountryCode(origin)) answers.countryOfOrigin = origin;
      for (const key of ['transitCountries', 'overseasCountries'] as const) {
        const parsed = parseCountryList(str(form[key]));
        if (parsed.unknown.length) {
          err(key, `We do not recognise ${parsed.unknown.map((u) => `"${u}"`).join(', ')}: enter country names separated by commas, like "Albania, France"`);
        }
        if (parsed.codes.length) answers[key] = parsed.codes;
      }
      const from = readMonth(form, 'exploitationFrom', 'When the exploitation started');
      if (from.error) err('exploitationFrom', from.error);
      else if (from.value) answers.exploitationFrom = from.value;
      const ongoing = yesNo(form.exploitationOngoing);
      if (ongoing !== undefined) answers.exploitationOngoing = ongoing;
      if (ongoing !== true) {
        const to = readMonth(form, 'exploitationTo', 'When the exploitation ended');
        if (to.error) err('exploitationTo', to.error);
        else if (to.value) {
          answers.exploitationTo = to.value;
          answers.exploitationOngoing = false;
        }
      }
      for (const e of checkAnswers({ ...current, ...answers }, today, { only: 'exploitation' })) {
        if (!errors.some((x) => x.field === e.field)) errors.push(e);
      }
      return {
        answers,
        owns: ['exploitationTypes', 'sectors', 'forceAreas', 'countryOfOrigin', 'transitCountries', 'overseasCountries', 'exploitationFrom', 'exploitationOngoing', 'exploitationTo'],
        errors,
      };
    }
    case 'indicators': {
      const indicators = list(form.indicators).filter((c) => INDICATOR_CODES.includes(c));
      if (indicators.length) answers.indicators = indicators;
      const account = str(form.account);
      if (account.length > MAX_ACCOUNT) err('account', `What you saw and heard must be ${MAX_ACCOUNT} characters or fewer`);
      // A Duty to Notify keeps no free text: it could name the person.
      else if (account && !isDtn(current)) answers.account = account;
      return { answers, owns: ['indicators', 'account'], errors };
    }
    case 'suspects': {
      for (const [key, kind] of ITEM_FIELDS) {
        const values = lines(str(form[key]));
        const parsed = parseItems(kind, values, key);
        errors.push(...parsed.errors);
        if (values.length) answers[key] = values;
      }
      return { answers, owns: ITEM_FIELDS.map(([k]) => k), errors };
    }
    case 'child': {
      const la = str(form.localAuthority);
      const other = str(form.localAuthorityOther);
      if (la === 'other') {
        if (other) answers.localAuthority = other.slice(0, 150);
      } else if (LOCAL_AUTHORITIES.some((l) => l.code === la)) answers.localAuthority = la;
      const notified = readDate(form, 'laNotifiedOn', "The date children's services were notified");
      if (notified.error) err('laNotifiedOn', notified.error);
      else if (notified.value) answers.laNotifiedOn = notified.value;
      const ictg = yesNo(form.ictgReferred);
      if (ictg !== undefined) answers.ictgReferred = ictg;
      const missing = yesNo(form.missingFromCare);
      if (missing !== undefined) answers.missingFromCare = missing;
      for (const e of checkAnswers({ ...current, ...answers }, today, { only: 'child' })) {
        if (!errors.some((x) => x.field === e.field)) errors.push(e);
      }
      return { answers, owns: ['localAuthority', 'laNotifiedOn', 'ictgReferred', 'missingFromCare'], errors };
    }
    default:
      return { answers, owns: [], errors };
  }
}

/** Whether the form gives any answer for a field a page reports on (its own input, or a date's day, month or year). */
function answered(form: Form, field: string): boolean {
  const has = (k: string) => list(form[k]).length > 0;
  if (field === 'forceArea' || field === 'forceAreas') return has('forceArea') || has('otherForceAreas');
  // 'Another local authority' chosen but not yet named is not an answer yet.
  if (field === 'localAuthority') return str(form.localAuthority) === 'other' ? has('localAuthorityOther') : has('localAuthority');
  return has(field) || ['day', 'month', 'year'].some((p) => has(`${field}-${p}`));
}

const oneOf = (v: string | undefined) => (answer: string) => v === answer;
const yesNoCode = () => (answer: string) => answer === 'yes' || answer === 'no';
/** A page's coded answers (radios, selects, checkboxes): one the page read quietly drops if it is not a known code. */
const CODED: Partial<Record<Step, { field: string; label: string; known: (a: Answers) => (answer: string) => boolean }[]>> = {
  person: [
    { field: 'gender', label: "the person's gender", known: (a) => oneOf(a.gender) },
    { field: 'nationality', label: "the person's nationality", known: (a) => oneOf(a.nationality) },
    { field: 'ageGroup', label: 'whether the person was under 18', known: (a) => oneOf(a.ageGroup) },
  ],
  consent: [{ field: 'consent', label: 'whether the person consents', known: yesNoCode }],
  exploitation: [
    { field: 'exploitationTypes', label: 'the type of exploitation', known: (a) => (v) => (a.exploitationTypes ?? []).includes(v) },
    { field: 'sectors', label: 'where or what work', known: (a) => (v) => (a.sectors ?? []).includes(v) },
    { field: 'forceArea', label: 'the police force area', known: (a) => oneOf(a.forceAreas?.[0]) },
    { field: 'otherForceAreas', label: 'other police force areas', known: (a) => (v) => (a.forceAreas ?? []).includes(v) },
    { field: 'countryOfOrigin', label: 'the country of origin', known: (a) => oneOf(a.countryOfOrigin) },
    { field: 'exploitationOngoing', label: 'whether the exploitation is still happening', known: yesNoCode },
  ],
  indicators: [{ field: 'indicators', label: 'indicators', known: (a) => (v) => (a.indicators ?? []).includes(v) }],
  child: [
    { field: 'localAuthority', label: 'the local authority', known: (a) => (v) => v === 'other' || v === a.localAuthority },
    { field: 'ictgReferred', label: 'whether you have asked for a guardian', known: yesNoCode },
    { field: 'missingFromCare', label: 'whether the child is missing from care', known: yesNoCode },
  ],
};

/**
 * The problems that stop an autosave of a page: an autosave may leave questions unanswered (a page is saved as
 * it is typed), but every answer it does give must pass the page's rules: a real date, a name within the limit,
 * a recognised country, phone number or listed choice. A question left blank is not a problem until Continue.
 */
export function autosaveProblems(step: Step, form: Form, page: PageResult): FieldError[] {
  const problems: FieldError[] = [];
  for (const c of CODED[step] ?? []) {
    const known = c.known(page.answers);
    if (list(form[c.field]).some((v) => !known(v))) problems.push({ field: c.field, message: `Select ${c.label} from the list` });
  }
  for (const e of page.errors) if (answered(form, e.field) && !problems.some((p) => p.field === e.field)) problems.push(e);
  return problems;
}

export const ITEM_FIELDS: [keyof Pick<Answers, 'suspects' | 'phones' | 'vehicles' | 'addresses'>, FactItemKind][] = [
  ['suspects', 'suspect'],
  ['phones', 'phone'],
  ['vehicles', 'vehicle'],
  ['addresses', 'address'],
];

/** Merges a page into the draft: the page's own keys are replaced, and a DtN is scrubbed of identity at once. */
export function mergePage(current: Answers, page: PageResult): Answers {
  const out: Answers = { ...current };
  for (const k of page.owns) delete out[k];
  Object.assign(out, page.answers);
  if (out.ageGroup === 'child') delete out.consent;
  return isDtn(out) ? scrubIdentity(out) : out;
}

// ---------------------------------------------------------------------------------------------------------------
// The whole referral, before it is submitted

export interface CheckOptions {
  /** Check only the fields one page asks (the page shows them); the full check covers all. */
  only?: Step;
}

/**
 * Every rule a referral must meet, as field errors with plain-English messages. Used on each page, on the
 * check-your-answers page, and by the API (which refuses the whole referral, writing nothing, on any error).
 */
export function checkAnswers(a: Answers, today: IsoDate, opts: CheckOptions = {}): FieldError[] {
  const errors: FieldError[] = [];
  const on = (step: Step) => !opts.only || opts.only === step;
  const err = (field: string, message: string) => errors.push({ field, message });
  const outcome = outcomeOf(a);

  if (on('person')) {
    if (!a.ageGroup) err('ageGroup', 'Select whether the person was under 18 when they were exploited');
    if (!a.gender) err('gender', "Select the person's gender, or 'Not known'");
    if (!a.nationality) err('nationality', "Select the person's nationality, or 'Not known'");
    else if (a.nationality !== UNKNOWN_NATIONALITY && !isCountryCode(a.nationality)) err('nationality', 'Select a nationality from the list');
    if (a.dateOfBirth !== undefined) {
      if (!isIsoDate(a.dateOfBirth)) err('dateOfBirth', 'Date of birth must be a real date');
      else if (a.dateOfBirth > today) err('dateOfBirth', 'Date of birth must be in the past');
      else if (ageOn(a.dateOfBirth, today) > 120) err('dateOfBirth', 'Date of birth must be a real date of birth (the person would be over 120)');
      else if (a.ageGroup === 'adult' && ageOn(a.dateOfBirth, today) < 18) {
        err('ageGroup', `The date of birth shows the person is ${ageOn(a.dateOfBirth, today)}: select 'Under 18 (child)'`);
      }
    }
    for (const k of ['givenName', 'familyName', 'otherNames'] as const) {
      if ((a[k]?.length ?? 0) > MAX_NAME) err(k, `Names must be ${MAX_NAME} characters or fewer`);
    }
  }
  if (on('consent') && a.ageGroup === 'adult' && a.consent === undefined) {
    err('consent', 'Select whether the person consents to being referred');
  }
  if (!opts.only && outcome === 'nrm' && !a.givenName && !a.familyName) {
    err('givenName', "Enter the person's name: a referral needs it (an adult who does not consent becomes a Duty to Notify instead)");
  }
  if (!opts.only && outcome === 'dtn') {
    const present = IDENTITY_FIELDS.filter((f) => a[f] !== undefined && a[f] !== '');
    if (present.length) {
      err(present[0]!, `A Duty to Notify must not record who the person is: remove ${present.join(', ')}`);
    }
  }
  if (on('exploitation')) {
    const types = a.exploitationTypes ?? [];
    if (!types.length) err('exploitationTypes', "Select the type of exploitation, or 'Unknown or unspecified'");
    else if (types.some((t) => !(EXPLOITATION_CODES as string[]).includes(t))) err('exploitationTypes', 'Select exploitation types from the list');
    if ((a.sectors ?? []).some((s) => !SECTOR_CODES.includes(s))) err('sectors', 'Select places of work from the list');
    const forces = a.forceAreas ?? [];
    if (!forces.length) err('forceArea', 'Select the police force area where the person was found');
    else if (forces.some((f) => !FORCE_CODES.includes(f))) err('forceArea', 'Select police force areas from the list');
    if (a.countryOfOrigin !== undefined && !isCountryCode(a.countryOfOrigin)) err('countryOfOrigin', 'Select the country of origin from the list');
    for (const key of ['transitCountries', 'overseasCountries'] as const) {
      if ((a[key] ?? []).some((c) => !isCountryCode(c))) err(key, 'Enter countries as two-letter ISO codes or names');
    }
    const month = today.slice(0, 7);
    if (a.exploitationFrom && a.exploitationFrom > month) err('exploitationFrom', 'When the exploitation started cannot be in the future');
    if (a.exploitationTo) {
      if (a.exploitationTo > month) err('exploitationTo', 'When the exploitation ended cannot be in the future');
      else if (a.exploitationFrom && a.exploitationTo < a.exploitationFrom) err('exploitationTo', 'When the exploitation ended must be after it started');
    }
  }
  if (on('indicators')) {
    if ((a.indicators ?? []).some((i) => !INDICATOR_CODES.includes(i))) err('indicators', 'Select indicators from the list');
    if ((a.account?.length ?? 0) > MAX_ACCOUNT) err('account', `What you saw and heard must be ${MAX_ACCOUNT} characters or fewer`);
  }
  if (on('suspects')) {
    for (const [key, kind] of ITEM_FIELDS) errors.push(...parseItems(kind, a[key] ?? [], key).errors);
  }
  if (on('child') && a.ageGroup === 'child') {
    if (!a.localAuthority) err('localAuthority', "Select the local authority whose children's services you notified");
    if (!a.laNotifiedOn) err('laNotifiedOn', "Enter the date children's services were notified");
    else if (!isIsoDate(a.laNotifiedOn)) err('laNotifiedOn', "The date children's services were notified must be a real date");
    else if (a.laNotifiedOn > today) err('laNotifiedOn', "The date children's services were notified cannot be in the future");
    if (ictgAvailable(a.forceAreas?.[0]) && a.ictgReferred === undefined) {
      err('ictgReferred', 'Select whether you have asked for an Independent Child Trafficking Guardian');
    }
    if (a.missingFromCare === undefined) err('missingFromCare', 'Select whether the child is missing from care now');
  }
  return errors;
}

/** The items (suspects, phones, vehicles, addresses) of valid answers. */
export function factItems(a: Answers): FactItem[] {
  return ITEM_FIELDS.flatMap(([key, kind]) => parseItems(kind, a[key] ?? [], key).items);
}

/** The first page with a problem, to send the person back to. */
export function firstStepWithError(errors: FieldError[]): Step | null {
  for (const s of STEPS) if (errors.some((e) => FIELD_STEP[e.field] === s)) return s;
  return null;
}
