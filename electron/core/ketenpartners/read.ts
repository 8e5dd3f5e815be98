/**
 * What other areas read of the partner and project registers: that a chosen partner or project exists (an archived
 * one still does: a record may point at it). A missing one is refused at the field that chose it.
 */
import type { Reader } from '../context.ts';
import { invalidField } from '../failure.ts';

export async function requirePartner(db: Reader, id: string): Promise<{ naam: string }> {
  const partner = await db.selectFrom('partners').select('naam').where('id', '=', id).executeTakeFirst();
  if (!partner) throw invalidField('partnerId', 'deze ketenpartner bestaat niet (meer)');
  return partner;
}

export async function requireProject(db: Reader, id: string): Promise<void> {
  const project = await db.selectFrom('projects').select('id').where('id', '=', id).executeTakeFirst();
  if (!project) throw invalidField('projectId', 'dit project bestaat niet (meer)');
}
