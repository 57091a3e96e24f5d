// One agency's record of one person: the person's canonical details passed through the agency's habits
// (agencies.ts) using the variant functions (variants.ts), with every departure tagged.

import type { AgencyStyle, DobFormat } from './agencies.js';
import type { NameCulture, PersonName } from './names.js';
import { COMPOUND_MARK } from './names.js';
import type { PhoneFormat } from './phones.js';
import { formatPhone, phoneTypo } from './phones.js';
import { addressLine } from './places.js';
import type { Rng } from './rng.js';
import { weightedPicker } from './rng.js';
import type { PersonRecordDraft, TruePerson } from './types.js';
import type { VariantKind } from './variants.js';
import {
  abbreviateAddress,
  abbreviateCompound,
  changeEmailCase,
  decomposeUnicode,
  dropDiacritics,
  formatDob,
  initialOf,
  joinCompound,
  mistypeYear,
  placeholderDob,
  postcodeLowerCase,
  postcodeWithoutSpace,
  shortFormOf,
  splitCompound,
  swapDayMonth,
  transliterate,
  typo,
} from './variants.js';

const DOB_FORMAT_KIND: Readonly<Record<Exclude<DobFormat, 'iso'>, VariantKind>> = {
  'dmy-slash': 'dob-format-dmy-slash',
  'dmy-dash': 'dob-format-dmy-dash',
  'dmy-dot': 'dob-format-dmy-dot',
  text: 'dob-format-text',
};
const PHONE_FORMAT_KIND: Readonly<Record<Exclude<PhoneFormat, 'national'>, VariantKind>> = {
  compact: 'phone-format-compact',
  international: 'phone-format-international',
  e164: 'phone-format-e164',
  'digits-only': 'phone-format-digits-only',
};

const HABESHA: ReadonlySet<NameCulture> = new Set(['tigrinya', 'amharic']);
const FAMILY_FIRST: ReadonlySet<NameCulture> = new Set(['vietnamese', 'chinese']);

// Weighted pickers are built once per style object and reused for every record.
const pickerCache = new WeakMap<
  AgencyStyle,
  { dob: (rng: Rng) => DobFormat; phone: (rng: Rng) => PhoneFormat }
>();
function pickersFor(style: AgencyStyle) {
  let p = pickerCache.get(style);
  if (!p) {
    p = { dob: weightedPicker(style.dobFormats), phone: weightedPicker(style.phoneFormats) };
    pickerCache.set(style, p);
  }
  return p;
}

interface NameFields {
  givenName: string | null;
  familyName: string | null;
  fullName: string;
}

function writeTokens(
  tokens: readonly string[],
  culture: NameCulture,
  style: AgencyStyle,
  rng: Rng,
  applied: { split: boolean; abbreviated: boolean },
): string {
  let out = '';
  for (const token of tokens) {
    let written = token;
    if (token.includes(COMPOUND_MARK)) {
      written = '';
      if (rng.chance(style.compoundSplit)) {
        if (HABESHA.has(culture) && rng.chance(0.3)) {
          const abbr = abbreviateCompound(token);
          if (abbr) {
            applied.abbreviated = true;
            written = abbr;
          }
        }
        if (!written) {
          const parts = splitCompound(token, rng.chance(0.7) ? ' ' : '-', culture);
          if (parts) {
            applied.split = true;
            written = parts;
          }
        }
      }
      if (!written) written = joinCompound(token);
    }
    out = out ? `${out} ${written}` : written;
  }
  return out;
}

function writeName(name: PersonName, style: AgencyStyle, rng: Rng, kinds: VariantKind[]): NameFields {
  const culture = name.culture;
  // Copied only when a variant changes a token, as most records keep the tokens as they are.
  let given = name.given;
  let middle = name.middle;
  let family = name.family;

  if (rng.chance(style.transliteration)) {
    given = given.slice();
    middle = middle.slice();
    family = family.slice();
    const slots: { list: string[]; index: number; role: 'given' | 'middle' | 'family' }[] = [];
    for (let index = 0; index < given.length; index++) slots.push({ list: given, index, role: 'given' });
    for (let index = 0; index < middle.length; index++) slots.push({ list: middle, index, role: 'middle' });
    for (let index = 0; index < family.length; index++) slots.push({ list: family, index, role: 'family' });
    rng.shuffle(slots);
    let changed = 0;
    const wanted = rng.chance(0.3) ? 2 : 1;
    for (const slot of slots) {
      const alt = transliterate(slot.list[slot.index], culture, slot.role, rng);
      if (alt === null) continue;
      slot.list[slot.index] = alt;
      if (++changed >= wanted) break;
    }
    if (changed > 0) kinds.push('transliteration');
  }

  if (rng.chance(style.shortForm)) {
    const short = shortFormOf(given[0], rng);
    if (short) {
      given = [short, ...given.slice(1)];
      kinds.push('short-form');
    }
  }

  if (rng.chance(style.namePartDropped)) {
    if (family.length > 1) {
      family = family.slice(0, -1);
      kinds.push('name-part-dropped');
    } else if (middle.length > 0) {
      middle = [];
      kinds.push('name-part-dropped');
    }
  }

  // Compounds: kept whole (the canonical form), split into words, or abbreviated (G/Medhin).
  const compounds = { split: false, abbreviated: false };
  let givenText = writeTokens(given, culture, style, rng, compounds);
  let middleText = writeTokens(middle, culture, style, rng, compounds);
  let familyText = writeTokens(family, culture, style, rng, compounds);
  if (compounds.split) kinds.push('compound-split');
  if (compounds.abbreviated) kinds.push('compound-abbreviated');

  // A middle name the form has no box for goes with the given name or, for Vietnamese names written
  // family first, with the surname ("Nguyen Thi" / "Huong").
  const middleChance = culture === 'vietnamese' ? style.middleInGiven * 1.5 : style.middleInGiven * 0.5;
  if (middleText && rng.chance(middleChance)) {
    if (culture === 'vietnamese' && rng.chance(0.4)) {
      familyText = `${familyText} ${middleText}`;
      kinds.push('middle-in-family');
    } else {
      givenText = `${givenText} ${middleText}`;
      kinds.push('middle-in-given');
    }
    middleText = '';
  }

  if (rng.chance(style.givenInitial)) {
    givenText = initialOf(givenText);
    kinds.push('given-initial');
  }

  if (rng.chance(style.diacriticsDropped)) {
    const g = dropDiacritics(givenText);
    const m = dropDiacritics(middleText);
    const f = dropDiacritics(familyText);
    if (g !== givenText || m !== middleText || f !== familyText) {
      givenText = g;
      middleText = m;
      familyText = f;
      kinds.push('diacritics-dropped');
    }
  }

  // A slip that happens to undo an earlier variant (Genci -> Genc) would leave the record canonical
  // while tagged otherwise, so such slips are not made.
  if (givenText.length > 2 && rng.chance(style.typo)) {
    const t = typo(givenText, rng);
    if (t.kind && t.text !== name.given.map(joinCompound).join(' ')) {
      givenText = t.text;
      kinds.push('typo-given');
    }
  }
  if (rng.chance(style.typo)) {
    const t = typo(familyText, rng);
    if (t.kind && t.text !== name.family.map(joinCompound).join(' ')) {
      familyText = t.text;
      kinds.push('typo-family');
    }
  }

  const swapChance = FAMILY_FIRST.has(culture) ? style.nameOrderSwapped * 4 : style.nameOrderSwapped;
  if (rng.chance(swapChance)) {
    const t = givenText;
    givenText = familyText;
    familyText = t;
    kinds.push('name-order-swapped');
  }

  let familyFirst = name.order === 'family-first';
  const reorderChance = familyFirst ? style.fullNameReordered : style.fullNameReordered * 0.1;
  if (rng.chance(reorderChance)) {
    familyFirst = !familyFirst;
    kinds.push('full-name-reordered');
  }

  if (rng.chance(style.nameUpperCase)) {
    givenText = givenText.toUpperCase();
    middleText = middleText.toUpperCase();
    familyText = familyText.toUpperCase();
    kinds.push('name-upper-case');
  } else if (rng.chance(style.familyUpperCase)) {
    familyText = familyText.toUpperCase();
    kinds.push('family-upper-case');
  } else if (rng.chance(style.nameLowerCase)) {
    givenText = givenText.toLowerCase();
    middleText = middleText.toLowerCase();
    familyText = familyText.toLowerCase();
    kinds.push('name-lower-case');
  }

  if (rng.chance(style.unicodeDecomposed)) {
    const g = decomposeUnicode(givenText);
    const m = decomposeUnicode(middleText);
    const f = decomposeUnicode(familyText);
    if (g !== givenText || m !== middleText || f !== familyText) {
      givenText = g;
      middleText = m;
      familyText = f;
      kinds.push('unicode-decomposed');
    }
  }

  const ordered = familyFirst ? [familyText, middleText, givenText] : [givenText, middleText, familyText];
  const fullName = ordered.filter((p) => p.length > 0).join(' ');

  if (rng.chance(style.nameUnsplit)) {
    kinds.push('name-unsplit');
    return { givenName: null, familyName: null, fullName };
  }
  return { givenName: givenText || null, familyName: familyText || null, fullName };
}

/** What `agencyCode` wrote about `person`, as record `recordId`. */
export function recordPerson(
  person: TruePerson,
  agencyCode: string,
  recordId: string,
  style: AgencyStyle,
  rng: Rng,
): PersonRecordDraft {
  const kinds: VariantKind[] = [];
  const pickers = pickersFor(style);

  let name = person.name;
  if (person.alias && rng.chance(style.aliasUse)) {
    name = person.alias;
    kinds.push('alias');
  }
  const { givenName, familyName, fullName } = writeName(name, style, rng, kinds);

  // Date of birth
  let dateOfBirth: string | null;
  let dobPrecision: PersonRecordDraft['dobPrecision'];
  if (rng.chance(style.dobMissing)) {
    dateOfBirth = null;
    dobPrecision = null;
    kinds.push('dob-missing');
  } else if (rng.chance(style.dobYearOnly)) {
    dateOfBirth = String(person.dob.year);
    dobPrecision = 'year';
    kinds.push('dob-year-only');
  } else {
    const format = pickers.dob(rng);
    if (rng.chance(style.dobPlaceholder)) {
      dateOfBirth = placeholderDob(person.dob, format);
      dobPrecision = 'placeholder';
      kinds.push('dob-placeholder');
    } else {
      let d = person.dob;
      if (rng.chance(style.dobDayMonthSwapped)) {
        const swapped = swapDayMonth(d);
        if (swapped) {
          d = swapped;
          kinds.push('dob-day-month-swapped');
        }
      }
      if (rng.chance(style.dobYearMistyped)) {
        d = mistypeYear(d, rng);
        kinds.push('dob-year-mistyped');
      }
      dateOfBirth = formatDob(d, format);
      dobPrecision = 'day';
    }
    if (format !== 'iso') kinds.push(DOB_FORMAT_KIND[format]);
  }

  // Phone
  let phone: string | null = null;
  if (person.phones.length > 0) {
    if (!rng.chance(style.phoneShown)) {
      kinds.push('phone-missing');
    } else {
      let number = person.phones[0];
      if (person.phones.length > 1 && rng.chance(0.35)) {
        number = person.phones[rng.int(1, person.phones.length - 1)];
        kinds.push('phone-other');
      }
      if (rng.chance(style.phoneTypo)) {
        number = phoneTypo(number, rng);
        kinds.push('phone-typo');
      }
      const format = pickers.phone(rng);
      phone = formatPhone(number, format);
      if (format !== 'national') kinds.push(PHONE_FORMAT_KIND[format]);
    }
  }

  // Email
  let email: string | null = null;
  if (person.email) {
    if (!rng.chance(style.emailShown)) {
      kinds.push('email-missing');
    } else {
      email = person.email;
      if (rng.chance(style.emailCaseChanged)) {
        email = changeEmailCase(email, rng);
        kinds.push('email-case-changed');
      }
    }
  }

  // Address
  let line: string | null = null;
  let town: string | null = null;
  let postcode: string | null = null;
  if (!rng.chance(style.addressShown)) {
    kinds.push('address-missing');
  } else {
    let address = person.address;
    if (person.previousAddress && rng.chance(style.addressPrevious)) {
      address = person.previousAddress;
      kinds.push('address-previous');
    }
    line = addressLine(address);
    town = address.town;
    postcode = address.postcode;
    if (rng.chance(style.addressAbbreviated)) {
      const short = abbreviateAddress(line);
      if (short !== line) {
        line = short;
        kinds.push('address-abbreviated');
      }
    }
    if (rng.chance(style.addressUpperCase)) {
      line = line.toUpperCase();
      town = town.toUpperCase();
      kinds.push('address-upper-case');
    }
    if (rng.chance(style.townMissing)) {
      town = null;
      kinds.push('town-missing');
    }
    if (rng.chance(style.postcodeMissing)) {
      postcode = null;
      kinds.push('postcode-missing');
    } else {
      if (rng.chance(style.postcodeNoSpace)) {
        postcode = postcodeWithoutSpace(postcode);
        kinds.push('postcode-no-space');
      }
      if (rng.chance(style.postcodeLowerCase)) {
        postcode = postcodeLowerCase(postcode);
        kinds.push('postcode-lower-case');
      }
    }
  }

  let gender: PersonRecordDraft['gender'] = person.gender;
  if (rng.chance(style.genderUnknown)) {
    gender = 'unknown';
    kinds.push('gender-unknown');
  }

  const vehicleVrm =
    person.vehicleVrms.length > 0 && rng.chance(style.vehicleShown) ? rng.pick(person.vehicleVrms) : null;

  return {
    recordId,
    truthId: person.truthId,
    agencyCode,
    givenName,
    familyName,
    fullName,
    dateOfBirth,
    dobPrecision,
    nationality: person.nationality,
    gender,
    phone,
    email,
    addressLine: line,
    town,
    postcode,
    householdId: person.householdId,
    networkId: person.networkId,
    vehicleVrm,
    variantKinds: kinds,
  };
}

/** The canonical full name of a person (as they write it), for reports and uniqueness checks. */
export function canonicalFullName(name: PersonName): string {
  const given = name.given.map(joinCompound).join(' ');
  const middle = name.middle.map(joinCompound).join(' ');
  const family = name.family.map(joinCompound).join(' ');
  const ordered = name.order === 'family-first' ? [family, middle, given] : [given, middle, family];
  return ordered.filter((p) => p.length > 0).join(' ');
}
