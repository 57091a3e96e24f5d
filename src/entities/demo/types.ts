// Shapes shared by the demo generators. A PersonRecordDraft is what one agency wrote about one person;
// its truthId, householdId, networkId and variantKinds are ground truth for benchmarks and must not be
// loaded as recorded data.

import type { PersonName, TruthGender } from './names.js';
import type { Address } from './places.js';
import type { CalendarDate, VariantKind } from './variants.js';
import type { SyntheticVehicle } from './vehicles.js';

export interface PersonRecordDraft {
  recordId: string;
  /** Ground truth: the same for every record of one real (synthetic) person. */
  truthId: string;
  agencyCode: string;
  givenName: string | null;
  familyName: string | null;
  fullName: string;
  /** As written by the agency, in its format. */
  dateOfBirth: string | null;
  dobPrecision: 'day' | 'year' | 'placeholder' | null;
  /** ISO 3166-1 alpha-2 (GB for British). */
  nationality: string;
  gender: 'female' | 'male' | 'unknown';
  phone: string | null;
  email: string | null;
  addressLine: string | null;
  town: string | null;
  postcode: string | null;
  /** Ground truth: household the person belongs to. */
  householdId: string | null;
  /** Ground truth: organised crime network the person belongs to. */
  networkId: string | null;
  /** Registration mark of a vehicle the agency linked to the person, if any. */
  vehicleVrm: string | null;
  /** Ground truth: how this record departs from the person's canonical details. */
  variantKinds: VariantKind[];
}

/** The person behind the records, with canonical details. */
export interface TruePerson {
  truthId: string;
  nationality: string;
  gender: TruthGender;
  name: PersonName;
  /** A name the person also goes by (given by traffickers, or used to evade). */
  alias: PersonName | null;
  dob: CalendarDate;
  /** National compact numbers; the first is the one the person gives first. */
  phones: string[];
  email: string | null;
  address: Address;
  previousAddress: Address | null;
  /** Territorial police force of the person's home town. */
  homeForce: string;
  householdId: string | null;
  networkId: string | null;
  vehicleVrms: string[];
  isChild: boolean;
}

export interface HouseholdTruth {
  kind: 'household';
  householdId: string;
  /** 'family': parents and children; 'siblings': brothers, sisters and cousins housed together. */
  householdType: 'family' | 'siblings';
  memberTruthIds: string[];
  address: Address;
  sharedPhone: string | null;
}

export type NetworkRole = 'principal' | 'lieutenant' | 'member';

export interface NetworkTruth {
  kind: 'network';
  networkId: string;
  /** MSHT and OIC are kept distinct (DOMAIN §1). */
  threat: 'msht' | 'oic';
  activity: string;
  nationality: string;
  members: { truthId: string; role: NetworkRole }[];
  phones: string[];
  vehicles: (SyntheticVehicle & { keeperTruthId: string })[];
  addresses: Address[];
}

export type GroupTruth = HouseholdTruth | NetworkTruth;
