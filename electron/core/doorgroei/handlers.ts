import type { WriteCtx } from '../context.ts';
import { Failure, invalidField } from '../failure.ts';
import { loadPerson, refuseIfAnonymised } from '../persons/read.ts';
import type { AreaHandlers } from '../registry.ts';
import { outflowPersonId, recordOutflow, updateOutflow } from './outflow.ts';
import { portfolioPdf } from './portfolio.ts';
import { loadDoorgroei, saveDoorgroei } from './profile.ts';

/** The person a write is about: there, and not anonymised (nothing is written about them again). */
async function requirePerson(ctx: WriteCtx, personId: string) {
  const person = await loadPerson(ctx.db, personId).catch(() => {
    throw invalidField('personId', 'deze sleutelpersoon bestaat niet (meer)');
  });
  refuseIfAnonymised(person);
  return person;
}

export const doorgroeiHandlers = {
  'doorgroei.get': async (ctx, input) => {
    await loadPerson(ctx.db, input.personId);
    return loadDoorgroei(ctx.db, input.personId);
  },

  'doorgroei.save': async (ctx, input) => {
    const person = await requirePerson(ctx, input.personId);
    return saveDoorgroei(ctx, input, person.naam);
  },

  'doorgroei.addOutflow': async (ctx, input) => {
    const person = await requirePerson(ctx, input.personId);
    if (person.status !== 'gestopt') {
      throw new Failure(
        'invalid_input',
        `${person.naam} is niet gestopt. Zet eerst de status op gestopt; daar leg je de uitstroom ook vast.`,
      );
    }
    return recordOutflow(ctx, person, input);
  },

  'doorgroei.updateOutflow': async (ctx, input) => {
    const person = await requirePerson(ctx, await outflowPersonId(ctx.db, input.id));
    return updateOutflow(ctx, input, person);
  },

  'doorgroei.portfolioPdf': (ctx, input) => portfolioPdf(ctx, input.personId),
} satisfies AreaHandlers<'doorgroei'>;
