/**
 * The desk's sync tables in the inzage export: commands about the person still waiting for the server (outbox),
 * commands about them the server did not apply (Te verwerken), and earlier copies of their rows kept to undo
 * waiting commands (desk-undo.ts). A command is about the person when its input or the ids it drew name their id
 * (a new person, an edit, a claim or entry for them); one naming only another record of theirs (a claim's own id)
 * is not found here, but its effect is in the person's records and the audit log. The LIKE only narrows.
 */
import type { InzagePart, Json } from '../avg/inzage-part.ts';
import { dayOf, none } from '../avg/inzage-values.ts';
import { withoutSecrets } from './desk-inbox.ts';

interface Command {
  kenmerk: string;
  opdracht: string;
  gemaakt: string;
  invoer: Json;
}

export interface SyncInzage {
  synchronisatie: {
    wachtend: Command[];
    teVerwerken: (Command & { uitkomst: string; reden: string; afgehandeld: string | null })[];
    eerdereVersies: { tabel: string; kenmerk: string; gegevens: Json }[];
  };
}

const mentions = (text: string, id: string) => text.includes(id);

export const syncInzage: InzagePart<SyncInzage> = {
  tables: {
    sync_outbox: 'synchronisatie.wachtend',
    sync_inbox: 'synchronisatie.teVerwerken',
    sync_undo: 'synchronisatie.eerdereVersies',
  },

  async collect(db, { person }) {
    const like = `%${person.id}%`;
    const about = (r: { input: string; context: string }) =>
      mentions(r.input, person.id) || mentions(r.context, person.id);
    const command = (r: { id: string; call: string; input: string; context: string }): Command => ({
      kenmerk: r.id,
      opdracht: r.call,
      gemaakt: (JSON.parse(r.context) as { now: string }).now,
      invoer: withoutSecrets(JSON.parse(r.input)) as Json,
    });
    const outbox = await db
      .selectFrom('sync_outbox')
      .selectAll()
      .where((eb) => eb.or([eb('input', 'like', like), eb('context', 'like', like)]))
      .orderBy('position')
      .execute();
    const inbox = await db
      .selectFrom('sync_inbox')
      .selectAll()
      .where((eb) => eb.or([eb('input', 'like', like), eb('context', 'like', like)]))
      .orderBy('created_at')
      .execute();
    const undo = await db
      .selectFrom('sync_undo')
      .selectAll()
      .where((eb) => eb.or([eb('row_id', '=', person.id), eb('row', 'like', like)]))
      .orderBy('table_name')
      .orderBy('row_id')
      .execute();
    return {
      sections: {
        synchronisatie: {
          wachtend: outbox.filter(about).map(command),
          teVerwerken: inbox.filter(about).map((r) => ({
            ...command(r),
            uitkomst: r.outcome,
            reden: r.message,
            afgehandeld: r.resolution,
          })),
          eerdereVersies: undo
            .filter((u) => u.row_id === person.id || mentions(u.row ?? '', person.id))
            .map((u) => ({
              tabel: u.table_name,
              kenmerk: u.row_id,
              gegevens: u.row === null ? null : (JSON.parse(u.row) as Json),
            })),
        },
      },
    };
  },

  chapters({ synchronisatie: { wachtend, teVerwerken, eerdereVersies } }) {
    const title = 'Synchronisatie met de server';
    if (wachtend.length + teVerwerken.length + eerdereVersies.length === 0)
      return [{ title, blocks: none('Geen wijzigingen die op de server wachten.') }];
    const rows: [string, string][] = [
      ...wachtend.map((c): [string, string] => [dayOf(c.gemaakt), `Wacht op de server: ${c.opdracht}`]),
      ...teVerwerken.map((c): [string, string] => [
        dayOf(c.gemaakt),
        `Niet verwerkt door de server (${c.uitkomst}): ${c.opdracht}. ${c.reden}`,
      ]),
    ];
    return [
      {
        title,
        blocks: [
          ...(rows.length > 0 ? [{ kind: 'facts' as const, rows }] : []),
          ...(eerdereVersies.length > 0
            ? none(
                `${eerdereVersies.length} eerdere versie(s) van gegevens, bewaard tot de server antwoordt.`,
              )
            : []),
        ],
      },
    ];
  },
};
