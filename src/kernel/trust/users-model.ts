import { z } from 'zod';
import type { Principal } from '../access/principal.js';
import { ROLES, type Role } from '../access/roles.js';
import type { FieldError } from '../errors.js';

/** Administering the users of one's own agency: pure rules. */

export const MIN_PASSWORD = 12;

export const NewUserInput = z.object({
  email: z.string().max(320),
  name: z.string().max(200),
  roles: z.array(z.enum(ROLES)).max(ROLES.length),
  /** Optional: without one the account signs in through single sign-on only. */
  password: z.string().max(200).optional(),
});
export type NewUserInput = z.infer<typeof NewUserInput>;

export const UserChangeInput = z.object({
  name: z.string().max(200).optional(),
  roles: z.array(z.enum(ROLES)).max(ROLES.length).optional(),
  disabled: z.boolean().optional(),
});
export type UserChangeInput = z.infer<typeof UserChangeInput>;

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function checkNewUser(input: NewUserInput): { ok: true; value: NewUserInput } | { ok: false; fields: FieldError[] } {
  const fields: FieldError[] = [];
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  if (!email) fields.push({ field: 'email', message: 'Enter an email address' });
  else if (!EMAIL.test(email)) fields.push({ field: 'email', message: 'Enter an email address in the correct format, like name@agency.gov.uk' });
  if (!name) fields.push({ field: 'name', message: 'Enter the full name' });
  if (input.roles.length === 0) fields.push({ field: 'roles', message: 'Select at least one role' });
  if (input.password !== undefined && input.password !== '' && input.password.length < MIN_PASSWORD) {
    fields.push({ field: 'password', message: `The password must be ${MIN_PASSWORD} characters or more` });
  }
  if (fields.length) return { ok: false, fields };
  return { ok: true, value: { email, name, roles: [...new Set(input.roles)], password: input.password || undefined } };
}

/**
 * What an administrator may change: only users of their own agency (others are "not found"), never so that
 * they lock themselves out (removing their own administrator role or disabling themselves).
 */
export function checkUserChange(admin: Principal, target: { id: string; agencyCode: string }, change: UserChangeInput): FieldError[] {
  const fields: FieldError[] = [];
  if (change.name !== undefined && !change.name.trim()) fields.push({ field: 'name', message: 'Enter the full name' });
  if (change.roles !== undefined && change.roles.length === 0) fields.push({ field: 'roles', message: 'Select at least one role' });
  if (target.id === admin.userId) {
    if (change.roles !== undefined && !change.roles.includes('administrator')) {
      fields.push({ field: 'roles', message: 'You cannot remove your own administrator role' });
    }
    if (change.disabled === true) fields.push({ field: 'disabled', message: 'You cannot disable your own account' });
  }
  return fields;
}

export const mayAdminister = (admin: Principal, target: { agencyCode: string }) => admin.agencyCode === target.agencyCode;

export type UserStatus = 'active' | 'disabled' | 'locked';
export function userStatus(u: { disabled: boolean; locked_until: Date | string | null }, now = Date.now()): UserStatus {
  if (u.disabled) return 'disabled';
  if (u.locked_until && new Date(u.locked_until).getTime() > now) return 'locked';
  return 'active';
}

export const sameRoles = (a: readonly Role[] | readonly string[], b: readonly Role[] | readonly string[]) =>
  [...a].sort().join(',') === [...b].sort().join(',');
