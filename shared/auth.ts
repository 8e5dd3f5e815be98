import { z } from 'zod';
import { newPassword, role, username } from './accounts.ts';
import { requiredText } from './validation.ts';

export const setupInput = z.strictObject({
  organisatieNaam: requiredText(120),
  displayName: requiredText(80),
  username,
  password: newPassword,
  role,
});

export const loginInput = z.strictObject({
  username: z.string().trim().toLowerCase().min(1, 'vul je gebruikersnaam in').max(64),
  password: z.string().min(1, 'vul je wachtwoord in').max(200),
});

export const unlockInput = z.strictObject({
  password: z.string().min(1, 'vul je wachtwoord in').max(200),
});

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, 'vul je huidige wachtwoord in').max(200),
  newPassword,
});
