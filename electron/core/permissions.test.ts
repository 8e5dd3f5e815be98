import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames } from '../../shared/contract.ts';
import { permissions } from '../../shared/permissions.ts';
import { type Harness, harness } from '../../test/support/harness.ts';

/**
 * The permission table written out by hand, so a change to shared/permissions.ts is a deliberate change here too.
 * * = anyone, L = anyone logged in, P/G/A = projectleider/begeleider/administrateur, B = beheerder flag.
 */
const expected: Record<string, string> = {
  'settings.status': '*',
  'auth.setup': '*',
  'auth.login': '*',
  'auth.logout': '*',
  'auth.me': '*',
  'auth.changePassword': 'L',
  'accounts.list': 'B',
  'accounts.staff': 'L',
  'accounts.create': 'B',
  'accounts.update': 'B',
  'accounts.deactivate': 'B',
  'accounts.reactivate': 'B',
  'accounts.resetPassword': 'B',
  'persons.list': 'PGA',
  'persons.filterOptions': 'PGA',
  'persons.get': 'PGA',
  'persons.statusHistory': 'PGA',
  'persons.changes': 'PGA',
  'persons.create': 'PG',
  'persons.update': 'PGA',
  'persons.setStatus': 'PG',
  'avg.inzage': 'P',
  'profiles.list': 'PGA',
  'profiles.get': 'PGA',
  'profiles.pdf': 'PGA',
  'profiles.create': 'P',
  'profiles.save': 'P',
  'profiles.archive': 'P',
  'profiles.duplicate': 'P',
  'contracts.listForPerson': 'PGA',
  'contracts.get': 'PGA',
  'contracts.check': 'P',
  'contracts.pdf': 'PGA',
  'contracts.create': 'P',
  'contracts.update': 'P',
  'contracts.finalize': 'P',
  'contracts.sign': 'P',
  'contracts.end': 'P',
  'contracts.amend': 'P',
  'attention.list': 'PG',
  'begeleiding.pop': 'PG',
  'begeleiding.savePop': 'PG',
  'begeleiding.popPdf': 'PG',
  'begeleiding.log': 'PG',
  'begeleiding.addLogEntry': 'PG',
  'begeleiding.followUpSignal': 'PG',
  'intervisie.list': 'PG',
  'intervisie.save': 'PG',
  'intervisie.session': 'PG',
  'begeleiding.caseload': 'PG',
  'doorgroei.get': 'PG',
  'doorgroei.save': 'PG',
  'doorgroei.addOutflow': 'PG',
  'doorgroei.updateOutflow': 'PG',
  'doorgroei.portfolioPdf': 'PG',
  'scholing.catalogue': 'PG',
  'scholing.saveTraining': 'PG',
  'scholing.archiveTraining': 'PG',
  'scholing.listForPerson': 'PG',
  'scholing.saveForPerson': 'PG',
  'scholing.setCertificate': 'PG',
  'scholing.certificate': 'PG',
  'scholing.sessions': 'PG',
  'scholing.saveSession': 'PG',
  'scholing.recordAttendance': 'PG',
  'scholing.cancelSession': 'PG',
  'scholing.forClaim': 'PGA',
  'ketenpartners.list': 'PGA',
  'ketenpartners.save': 'P',
  'ketenpartners.archive': 'P',
  'ketenpartners.projects': 'PGA',
  'ketenpartners.saveProject': 'P',
  'ketenpartners.archiveProject': 'P',
  'aanvragen.list': 'PG',
  'aanvragen.get': 'PG',
  'aanvragen.save': 'PG',
  'aanvragen.setStatus': 'P',
  'aanvragen.match': 'P',
  'aanvragen.unmatch': 'P',
  'aanvragen.availability': 'PG',
  'aanvragen.saveAvailability': 'PG',
  'aanvragen.addAbsence': 'PG',
  'aanvragen.removeAbsence': 'PG',
  'verdeling.proposals': 'PG',
  'verdeling.overview': 'PG',
  'inzet.list': 'PGA',
  'inzet.get': 'PGA',
  'inzet.save': 'PG',
  'inzet.remove': 'PG',
  'inzet.import': 'PG',
  'inzet.requests': 'PG',
  'verantwoording.report': 'PG',
  'verantwoording.pdf': 'PG',
  'verantwoording.xlsx': 'PG',
  'claims.list': 'PGA',
  'claims.create': 'A',
  'claims.correct': 'A',
  'claims.import': 'A',
  'claims.approve': 'A',
  'claims.reject': 'A',
  'claims.overview': 'PA',
  'claims.receipts': 'PA',
  'claims.setReceipts': 'A',
  'payouts.list': 'PA',
  'payouts.create': 'A',
  'payouts.file': 'A',
  'payouts.spreadsheet': 'PA',
  'payouts.people': 'A',
  'payouts.specification': 'A',
  'payouts.submit': 'A',
  'payouts.paid': 'A',
  'payouts.cancel': 'A',
  'audit.list': 'PB',
  'avg.retention': 'PB',
  'avg.anonymise': 'B',
  'avg.purge': 'B',
  'settings.get': 'L',
  'settings.update': 'B',
  'auth.activity': 'L',
  'auth.lock': 'L',
  'auth.unlock': 'L',
  'backups.overview': 'B',
  'backups.preview': 'B',
  'backups.create': 'B',
  'backups.setFolder': 'B',
  'backups.restore': 'B',
  'backups.recoveryKey': 'B',
  'sync.pairingCode': 'B',
  'sync.devices': 'B',
  'sync.revokeDevice': 'B',
  'sync.inbox': 'L',
  'sync.resolve': 'L',
  'sync.status': 'L',
  'sync.connect': 'B',
  'sync.now': 'L',
  'sync.importRows': 'B',
};

const letter = {
  publiek: '*',
  ingelogd: 'L',
  projectleider: 'P',
  begeleider: 'G',
  administrateur: 'A',
  beheerder: 'B',
};

/** Clients: nobody, one per role without the beheerder flag, and 'beheer' (administrateur + beheerder). */
const clients = ['anon', 'projectleider', 'begeleider', 'administrateur', 'beheer'] as const;
function allowed(rule: string, client: (typeof clients)[number]): boolean {
  if (rule.includes('*')) return true;
  if (client === 'anon') return false;
  if (rule.includes('L')) return true;
  const role = { projectleider: 'P', begeleider: 'G', administrateur: 'A', beheer: 'A' }[client];
  return rule.includes(role) || (client === 'beheer' && rule.includes('B'));
}

let h: Harness;
beforeAll(async () => {
  h = await harness();
  await h.withTeam();
});
afterAll(() => h.close());

describe('permissions', () => {
  it('match the table written out above, call for call', () => {
    const actual = Object.fromEntries(
      Object.entries(permissions).map(([call, access]) => [
        call,
        access
          .map((a) => letter[a])
          .sort()
          .join(''),
      ]),
    );
    const sorted = Object.fromEntries(Object.entries(expected).map(([c, r]) => [c, [...r].sort().join('')]));
    expect(actual).toEqual(sorted);
    expect(Object.keys(expected).sort()).toEqual([...callNames].sort());
  });

  // Every call × every client through the dispatcher: refused ones say so in Dutch, allowed ones get past the check.
  for (const call of callNames.filter((c) => c !== 'auth.logout')) {
    it(`are enforced for ${call}`, async () => {
      const rule = expected[call] ?? '';
      for (const client of clients) {
        const r = await h.core.dispatcher.dispatch(call, {}, client);
        const refusal = !r.ok && (r.error.code === 'forbidden' || r.error.code === 'unauthenticated');
        expect(refusal, `${call} as ${client}`).toBe(!allowed(rule, client));
        if (refusal && !r.ok) {
          expect(r.error.message).toMatch(client === 'anon' ? /niet \(meer\) ingelogd/ : /^Geen toegang/);
        }
      }
    });
  }

  it('log out only the calling client', async () => {
    await h.ok('begeleider', 'auth.logout', {});
    expect(await h.ok('begeleider', 'auth.me', {})).toBeNull();
    expect((await h.ok('projectleider', 'auth.me', {}))?.role).toBe('projectleider');
  });
});
