import { z } from 'zod';
import { type Role, roles } from './roles.ts';
import { id, requiredText, version } from './validation.ts';

export const username = z
  .string({ error: 'vul een gebruikersnaam in' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, '3 tot 32 tekens: letters, cijfers, punt, streepje');

/** Long rather than complex: a passphrase of four words beats a short password with symbols. */
export const newPassword = z
  .string({ error: 'vul een wachtwoord in' })
  .min(10, 'minimaal 10 tekens')
  .max(200, 'maximaal 200 tekens')
  .refine((p) => new Set(p).size >= 5, 'te eenvoudig: gebruik meer verschillende tekens');

export const role = z.enum(roles, { error: 'kies een rol' });

export const accountCreateInput = z.strictObject({
  displayName: requiredText(80),
  username,
  role,
  isBeheerder: z.boolean(),
  password: newPassword,
});

export const accountUpdateInput = z.strictObject({
  id,
  version,
  displayName: requiredText(80),
  role,
  isBeheerder: z.boolean(),
});

export const accountRefInput = z.strictObject({ id, version });

export const accountResetPasswordInput = z.strictObject({ id, version, password: newPassword });

export interface Account {
  id: string;
  version: number;
  username: string;
  displayName: string;
  role: Role;
  isBeheerder: boolean;
  active: boolean;
  createdAt: string;
}

/** What the person form needs to pick a vaste begeleider; visible to every role. */
export interface StaffMember {
  id: string;
  displayName: string;
  role: Role;
  active: boolean;
}

/** Fields that never enter the audit log or a log file. */
export const secretFields = ['password', 'currentPassword', 'newPassword'] as const;
