/**
 * Desks whose clocks are hours apart (issue 13, Tests): two desks, one five hours ahead of the other, push their
 * commands interleaved over HTTPS to the server, whose own clock agrees with neither. Each record and audit entry
 * keeps the time of the desk that made it, while the order and the change numbers come from the server's counter,
 * in the order the commands were committed: a desk that pulls gets the rows page by page in that order.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PushedCommand } from '../../shared/sync.ts';
import { personInput } from '../../test/support/harness.ts';
import { pulledRows } from '../../test/support/pulled-rows.ts';
import { commandDesk, type InProcessServer, inProcessServer } from '../../test/support/sync-server.ts';
import type { DeskCredentials } from '../core/sync/server-client.ts';

let server: InProcessServer;
let early: Awaited<ReturnType<typeof commandDesk>>;
let late: Awaited<ReturnType<typeof commandDesk>>;

beforeAll(async () => {
  server = await inProcessServer('2026-06-01T10:30:00.000Z');
  // The second desk's clock is five hours ahead of the first's.
  early = await commandDesk('2026-06-01T08:00:00.000Z');
  late = await commandDesk('2026-06-01T13:00:00.000Z');
});
afterAll(async () => {
  await early?.desk.close();
  await late?.desk.close();
  await server?.close();
});

it('keeps each desk’s own time on its records and numbers the commands in the order the server commits them', async () => {
  const desks: [typeof early, DeskCredentials][] = [
    [early, await server.pairedDesk('projectleider', 'Laptop vroeg')],
    [late, await server.pairedDesk('begeleider', 'Laptop laat')],
  ];
  // Each desk registers people and edits them; the late desk's first push comes first.
  const made: [number, PushedCommand][] = [];
  for (let i = 0; i < 4; i++) {
    for (const d of [1, 0]) {
      const [desk] = desks[d] as (typeof desks)[number];
      const role = d === 0 ? 'projectleider' : 'begeleider';
      const created = await desk.madeOnDesk(
        role,
        'persons.create',
        personInput({ voornaam: `Desk${d}-${i}` }),
      );
      const { status: _s, statusDatum: _d, ...fields } = personInput({ voornaam: `Desk${d}-${i}` });
      const edited = await desk.madeOnDesk(role, 'persons.update', {
        ...fields,
        id: created.ids[0] as string,
        version: 1,
        notities: `bewerkt op desk ${d}`,
      });
      made.push([d, created], [d, edited]);
    }
  }
  // Pushed interleaved, one push per command, alternating desks: the order the server commits.
  for (const [d, command] of made) {
    const [, credentials] = desks[d] as (typeof desks)[number];
    const pushed = await server.client.push(credentials, [command]);
    expect(pushed).toMatchObject({ ok: true, value: { results: [{ outcome: 'toegepast' }] } });
  }

  const kept = await server.db
    .selectFrom('sync_commands')
    .select(['id', 'seq', 'received_at'])
    .orderBy('seq')
    .execute();
  // Numbered by the server in the order committed, not by the desks' clocks (which would put desk 0's first).
  expect(kept.map((k) => k.id)).toEqual(made.map(([, c]) => c.id));
  const byDeskTime = [...made].sort(([, a], [, b]) => a.now.localeCompare(b.now)).map(([, c]) => c.id);
  expect(byDeskTime).not.toEqual(made.map(([, c]) => c.id));
  // Received by the server's clock.
  expect(new Set(kept.map((k) => k.received_at))).toEqual(new Set(['2026-06-01T10:30:00.000Z']));

  for (const [d, command] of made) {
    const personId =
      command.call === 'persons.create' ? (command.ids[0] as string) : (command.input as { id: string }).id;
    const person = await server.db
      .selectFrom('persons')
      .select(['created_at', 'updated_at'])
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    const audit = await server.db
      .selectFrom('audit_log')
      .select('at')
      .where('call', '=', command.call)
      .where('record_id', '=', personId)
      .executeTakeFirstOrThrow();
    // The time of the desk that made it, five hours apart between the desks, whatever the server's clock says.
    expect(audit.at).toBe(command.now);
    if (command.call === 'persons.create') expect(person.created_at).toBe(command.now);
    else expect(person.updated_at).toBe(command.now);
    expect(command.now.startsWith(d === 0 ? '2026-06-01T08:' : '2026-06-01T13:')).toBe(true);
  }

  // A desk that pulls gets the people in the server's order, each change under its command's number: pulling one
  // change at a time, page after page, brings them one by one in that order.
  const createdOrder = made
    .filter(([, c]) => c.call === 'persons.create')
    .map(([d], i) => `Desk${d}-${Math.floor(i / 2)}`);
  const people: unknown[] = [];
  let cursor = 0;
  for (let more = true; more; ) {
    const pulled = await server.client.pull(desks[0]?.[1] as DeskCredentials, cursor, 1);
    if (!pulled.ok) throw new Error(pulled.error.message);
    expect(pulled.value.cursor).toBeGreaterThanOrEqual(cursor);
    for (const r of pulledRows(pulled.value)) if (r.table === 'persons') people.push(r.row?.voornaam);
    ({ cursor, more } = pulled.value);
  }
  expect(people).toEqual(createdOrder);
  expect(cursor).toBe(Number(kept.at(-1)?.seq));
});
