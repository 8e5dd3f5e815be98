import { accountsHandlers } from './accounts/handlers.ts';
import { attentionHandlers } from './attention/handlers.ts';
import { auditHandlers } from './audit/handlers.ts';
import { authHandlers } from './auth/handlers.ts';
import { avgHandlers } from './avg/handlers.ts';
import { backupsHandlers } from './backups/handlers.ts';
import { begeleidingHandlers } from './begeleiding/handlers.ts';
import { claimsHandlers } from './claims/handlers.ts';
import { overviewHandlers } from './claims/overview.ts';
import { contractsHandlers } from './contracts/handlers.ts';
import type { Handlers } from './handler-types.ts';
import { intervisieHandlers } from './intervisie/handlers.ts';
import { payoutsHandlers } from './payouts/handlers.ts';
import { specificationHandlers } from './payouts/specification.ts';
import { spreadsheetHandlers } from './payouts/spreadsheet.ts';
import { personsHandlers } from './persons/handlers.ts';
import { profilesHandlers } from './profiles/handlers.ts';
import { CallRegistry } from './registry.ts';
import { settingsHandlers } from './settings/handlers.ts';

/** Every call's handler, one area each (the call prefix is the area's folder); built once, at start. */
export const handlers: Handlers = new CallRegistry()
  .area('auth', authHandlers)
  .area('accounts', accountsHandlers)
  .area('settings', settingsHandlers)
  .area('persons', personsHandlers)
  .area('profiles', profilesHandlers)
  .area('contracts', contractsHandlers)
  .area('attention', attentionHandlers)
  .area('begeleiding', begeleidingHandlers)
  .area('intervisie', intervisieHandlers)
  .area('claims', claimsHandlers, overviewHandlers)
  .area('payouts', payoutsHandlers, specificationHandlers, spreadsheetHandlers)
  .area('audit', auditHandlers)
  .area('avg', avgHandlers)
  .area('backups', backupsHandlers)
  .handlers();
