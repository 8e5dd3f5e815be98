import { accountHandlers } from './accounts/handlers.ts';
import { attentionHandlers } from './attention/handlers.ts';
import { auditHandlers } from './audit/handlers.ts';
import { avgHandlers } from './avg/handlers.ts';
import { backupHandlers } from './backup/handlers.ts';
import { begeleidingHandlers } from './begeleiding/handlers.ts';
import { intervisieHandlers } from './begeleiding/intervisie-handlers.ts';
import { contractHandlers } from './contracts/handlers.ts';
import { claimHandlers } from './declaraties/handlers.ts';
import { overviewHandlers } from './declaraties/overview.ts';
import { payoutHandlers } from './declaraties/payouts.ts';
import { specificationHandlers } from './declaraties/specification.ts';
import { spreadsheetHandlers } from './declaraties/spreadsheet.ts';
import type { Handlers } from './handler-types.ts';
import { personHandlers } from './persons/handlers.ts';
import { profileHandlers } from './profiles/handlers.ts';
import { settingsHandlers } from './settings/handlers.ts';

/** Every call's handler, one feature folder each; the type makes sure none is missing. */
export const handlers: Handlers = {
  ...accountHandlers,
  ...personHandlers,
  ...auditHandlers,
  ...avgHandlers,
  ...settingsHandlers,
  ...backupHandlers,
  ...profileHandlers,
  ...contractHandlers,
  ...attentionHandlers,
  ...begeleidingHandlers,
  ...intervisieHandlers,
  ...claimHandlers,
  ...payoutHandlers,
  ...overviewHandlers,
  ...specificationHandlers,
  ...spreadsheetHandlers,
};
