import { formatDate } from '../../../shared/format.ts';
import { fullName } from '../../../shared/persons.ts';
import { requireActiveGuide } from '../begeleiding/active-guide.ts';
import { diff } from '../context.ts';
import { invalidField, notFound } from '../failure.ts';
import type { AreaHandlers } from '../registry.ts';
import { updateVersioned } from '../versioning.ts';

/** Intervisie groups, their members and sessions; a session writes one log entry per attendee. */
export const intervisieHandlers = {
  'intervisie.list': async (ctx) => {
    const groups = await ctx.db
      .selectFrom('intervisie_groups')
      .selectAll()
      .where('archived', '=', 0)
      .orderBy('naam')
      .execute();
    const members = await ctx.db
      .selectFrom('intervisie_members')
      .innerJoin('persons', 'persons.id', 'intervisie_members.person_id')
      .select([
        'intervisie_members.group_id',
        'persons.id',
        'persons.voornaam',
        'persons.tussenvoegsel',
        'persons.achternaam',
        'persons.roepnaam',
      ])
      .orderBy('persons.sort_name')
      .execute();
    const sessions = await ctx.db
      .selectFrom('intervisie_sessions')
      .select(['id', 'group_id', 'datum', 'thema', 'aanwezig'])
      .orderBy('datum', 'desc')
      .execute();
    return groups.map((g) => ({
      id: g.id,
      version: g.version,
      naam: g.naam,
      begeleiderId: g.begeleider_id,
      leden: members.filter((m) => m.group_id === g.id).map((m) => ({ personId: m.id, naam: fullName(m) })),
      sessies: sessions
        .filter((s) => s.group_id === g.id)
        .map((s) => ({
          id: s.id,
          datum: s.datum,
          thema: s.thema,
          aanwezig: (JSON.parse(s.aanwezig) as string[]).length,
        })),
    }));
  },

  'intervisie.save': async (ctx, input) => {
    for (const [i, personId] of input.leden.entries()) {
      const exists = await ctx.db
        .selectFrom('persons')
        .select('id')
        .where('id', '=', personId)
        .executeTakeFirst();
      if (!exists) throw invalidField(`leden.${i}`, 'deze sleutelpersoon bestaat niet (meer)');
    }
    if (input.begeleiderId) await requireActiveGuide(ctx, input.begeleiderId, 'begeleiderId');
    let id = input.id ?? null;
    let version = 1;
    let before: Record<string, unknown> | null = null;
    if (id) {
      const row = await ctx.db
        .selectFrom('intervisie_groups')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw notFound('Deze intervisiegroep');
      const oldMembers = await ctx.db
        .selectFrom('intervisie_members')
        .select('person_id')
        .where('group_id', '=', id)
        .execute();
      before = { naam: row.naam, leden: oldMembers.length };
      // One audit entry for a new or a changed group, written below with the member count.
      ({ version } = await updateVersioned(
        ctx,
        'intervisie_groups',
        { id, version: input.version ?? 0 },
        { naam: input.naam, begeleider_id: input.begeleiderId, updated_at: ctx.now },
        null,
      ));
      await ctx.db.deleteFrom('intervisie_members').where('group_id', '=', id).execute();
    } else {
      id = ctx.newId();
      await ctx.db
        .insertInto('intervisie_groups')
        .values({
          id,
          naam: input.naam,
          begeleider_id: input.begeleiderId,
          archived: 0,
          created_at: ctx.now,
          updated_at: ctx.now,
          version,
        })
        .execute();
    }
    const groupId = id;
    const unique = [...new Set(input.leden)];
    if (unique.length > 0) {
      await ctx.db
        .insertInto('intervisie_members')
        .values(
          unique.map((personId) => ({ id: ctx.newId(), group_id: groupId, person_id: personId, version: 1 })),
        )
        .execute();
    }
    ctx.audit({
      recordType: 'intervisie',
      recordId: groupId,
      recordVersion: version,
      summary: `Intervisiegroep ${before ? 'gewijzigd' : 'aangemaakt'}: ${input.naam}`,
      changes: diff(before, { naam: input.naam, leden: unique.length }),
    });
    return { id: groupId, version };
  },

  'intervisie.session': async (ctx, input) => {
    const group = await ctx.db
      .selectFrom('intervisie_groups')
      .selectAll()
      .where('id', '=', input.groupId)
      .executeTakeFirst();
    if (!group) throw notFound('Deze intervisiegroep');
    if (input.datum > ctx.today)
      throw invalidField('datum', 'een bijeenkomst leg je vast als hij geweest is');
    const members = new Set(
      (
        await ctx.db
          .selectFrom('intervisie_members')
          .select('person_id')
          .where('group_id', '=', group.id)
          .execute()
      ).map((m) => m.person_id),
    );
    const present = [...new Set(input.aanwezig)];
    present.forEach((personId, i) => {
      if (!members.has(personId))
        throw invalidField(`aanwezig.${i}`, 'deze persoon is geen lid van de groep');
    });
    const id = ctx.newId();
    await ctx.db
      .insertInto('intervisie_sessions')
      .values({
        id,
        group_id: group.id,
        datum: input.datum,
        thema: input.thema,
        duur_minuten: input.duurMinuten,
        samenvatting: input.samenvatting,
        aanwezig: JSON.stringify(present),
        account_id: ctx.account?.id ?? null,
        created_at: ctx.now,
        version: 1,
      })
      .execute();
    // One log entry per attendee, so each person's begeleidingslog shows the session.
    for (const personId of present) {
      await ctx.db
        .insertInto('log_entries')
        .values({
          id: ctx.newId(),
          person_id: personId,
          soort: 'intervisie',
          signaal_soort: null,
          datum: input.datum,
          duur_minuten: input.duurMinuten,
          samenvatting: [`Intervisie ${group.naam}: ${input.thema}`, input.samenvatting]
            .filter(Boolean)
            .join('\n'),
          afspraken: null,
          volgende_afspraak: null,
          vertrouwelijk: 0,
          author_id: ctx.account?.id ?? '',
          owner_id: null,
          opvolging: null,
          gesloten_op: null,
          session_id: id,
          created_at: ctx.now,
          updated_at: ctx.now,
          version: 1,
        })
        .execute();
    }
    ctx.audit({
      recordType: 'intervisie',
      recordId: group.id,
      recordVersion: group.version,
      summary: `Intervisie ${group.naam} op ${formatDate(input.datum)}: ${present.length} aanwezig`,
      changes: diff(null, { thema: input.thema, aanwezig: present.length }),
    });
    return { id, version: 1 };
  },
} satisfies AreaHandlers<'intervisie'>;
