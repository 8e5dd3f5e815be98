import { availabilityHandlers } from './aanvragen/availability.ts';
import { requestHandlers } from './aanvragen/handlers.ts';
import { aanvragenInzage } from './aanvragen/inzage.ts';
import { matchHandlers } from './aanvragen/match.ts';
import { accountsHandlers } from './accounts/handlers.ts';
import { attentionHandlers } from './attention/handlers.ts';
import { auditHandlers } from './audit/handlers.ts';
import { auditInzage } from './audit/inzage.ts';
import { authHandlers } from './auth/handlers.ts';
import { avgHandlers } from './avg/handlers.ts';
import { avgInzage } from './avg/inzage.ts';
import { inzageHandlers } from './avg/inzage-export.ts';
import { backupsHandlers } from './backups/handlers.ts';
import { begeleidingHandlers } from './begeleiding/handlers.ts';
import { begeleidingInzage } from './begeleiding/inzage.ts';
import { claimsHandlers } from './claims/handlers.ts';
import { claimsInzage } from './claims/inzage.ts';
import { overviewHandlers } from './claims/overview.ts';
import { contractsHandlers } from './contracts/handlers.ts';
import { contractsInzage } from './contracts/inzage.ts';
import { doorgroeiHandlers } from './doorgroei/handlers.ts';
import { doorgroeiInzage } from './doorgroei/inzage.ts';
import type { Handlers } from './handler-types.ts';
import { intervisieHandlers } from './intervisie/handlers.ts';
import { intervisieInzage } from './intervisie/inzage.ts';
import { inzetHandlers } from './inzet/handlers.ts';
import { inzetInzage } from './inzet/inzage.ts';
import { ketenpartnersHandlers } from './ketenpartners/handlers.ts';
import { payoutsHandlers } from './payouts/handlers.ts';
import { payoutsInzage } from './payouts/inzage.ts';
import { specificationHandlers } from './payouts/specification.ts';
import { spreadsheetHandlers } from './payouts/spreadsheet.ts';
import { personsHandlers } from './persons/handlers.ts';
import { personsInzage } from './persons/inzage.ts';
import { profilesHandlers } from './profiles/handlers.ts';
import { CallRegistry } from './registry.ts';
import { scholingHandlers } from './scholing/handlers.ts';
import { scholingInzage } from './scholing/inzage.ts';
import { personTrainingHandlers } from './scholing/person-trainings.ts';
import { sessionHandlers } from './scholing/sessions.ts';
import { settingsHandlers } from './settings/handlers.ts';
import { syncHandlers } from './sync/handlers.ts';
import { syncInzage } from './sync/inzage.ts';
import { verantwoordingHandlers } from './verantwoording/handlers.ts';
import { verdelingHandlers } from './verdeling/handlers.ts';

const registry = new CallRegistry();

/**
 * Every call's handler, one area each (the call prefix is the area's folder); built once, at start. An area that
 * stores rows about a person registers its part of the inzage export (avg.inzage) beside its handlers.
 */
export const handlers: Handlers = registry
  .area('auth', authHandlers)
  .area('accounts', accountsHandlers)
  .area('settings', settingsHandlers)
  .area('persons', personsHandlers)
  .inzage(personsInzage)
  .area('profiles', profilesHandlers)
  .area('contracts', contractsHandlers)
  .inzage(contractsInzage)
  .area('attention', attentionHandlers)
  .area('begeleiding', begeleidingHandlers)
  .inzage(begeleidingInzage)
  .area('intervisie', intervisieHandlers)
  .inzage(intervisieInzage)
  .area('doorgroei', doorgroeiHandlers)
  .inzage(doorgroeiInzage)
  .area('scholing', scholingHandlers, personTrainingHandlers, sessionHandlers)
  .inzage(scholingInzage)
  .area('ketenpartners', ketenpartnersHandlers)
  .area('aanvragen', requestHandlers, matchHandlers, availabilityHandlers)
  .inzage(aanvragenInzage)
  .area('verdeling', verdelingHandlers)
  .area('inzet', inzetHandlers)
  .inzage(inzetInzage)
  .area('verantwoording', verantwoordingHandlers)
  .area('claims', claimsHandlers, overviewHandlers)
  .inzage(claimsInzage)
  .area('payouts', payoutsHandlers, specificationHandlers, spreadsheetHandlers)
  .inzage(payoutsInzage)
  .area('audit', auditHandlers)
  .inzage(auditInzage)
  .area('avg', avgHandlers, inzageHandlers(registry))
  .inzage(avgInzage)
  .area('backups', backupsHandlers)
  .area('sync', syncHandlers)
  .inzage(syncInzage)
  .handlers();

/** The parts of the inzage export, as registered above. */
export const inzageParts = registry.inzageParts();
