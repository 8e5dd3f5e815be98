import type { Migration } from './types.ts';

/**
 * The calls renamed when each area got one name on all sides (the call prefix is the area's folder). The audit log
 * keeps every call under its current name, so the log's filter and a replay find the older entries too.
 */
const renamed: readonly [from: string, to: string][] = [
  ['app.status', 'settings.status'],
  ['setup.createFirstAccount', 'auth.setup'],
  ['persons.inzage', 'avg.inzage'],
  ['retention.list', 'avg.retention'],
  ['retention.anonymise', 'avg.anonymise'],
  ['retention.purge', 'avg.purge'],
  ['pop.get', 'begeleiding.pop'],
  ['pop.save', 'begeleiding.savePop'],
  ['pop.pdf', 'begeleiding.popPdf'],
  ['log.list', 'begeleiding.log'],
  ['log.create', 'begeleiding.addLogEntry'],
  ['log.followUp', 'begeleiding.followUpSignal'],
  ['caseload.overview', 'begeleiding.caseload'],
];

export const migration0010: Migration = {
  version: 10,
  name: 'renamed-calls',
  async up(db) {
    for (const [from, to] of renamed) {
      await db.updateTable('audit_log').set({ call: to }).where('call', '=', from).execute();
      // An entry without a record names the call as its summary.
      await db.updateTable('audit_log').set({ summary: to }).where('summary', '=', from).execute();
    }
  },
};
