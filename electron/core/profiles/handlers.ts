import type { ContractForm, Profile, ProfileContent } from '../../../shared/profiles.ts';
import { foldForSearch } from '../../../shared/search.ts';
import { diff, type Reader, type WriteCtx } from '../context.ts';
import { profileDocument } from '../contracts/documents.ts';
import { notFound } from '../failure.ts';
import { renderPdf } from '../pdf/render-document.ts';
import type { AreaHandlers } from '../registry.ts';
import { loadSettings } from '../settings/read.ts';
import { assertCurrent, updateVersioned } from '../versioning.ts';
import { toProfileVersion } from './read.ts';

async function loadProfile(db: Reader, id: string, versie: number | null | undefined): Promise<Profile> {
  const profile = await db
    .selectFrom('function_profiles')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!profile) throw notFound('Dit functieprofiel');
  const rows = await db
    .selectFrom('function_profile_versions')
    .leftJoin('accounts', 'accounts.id', 'function_profile_versions.account_id')
    .selectAll('function_profile_versions')
    .select('accounts.display_name')
    .where('profile_id', '=', id)
    .orderBy('versie', 'desc')
    .execute();
  const current = rows.find((r) => r.id === profile.current_version_id);
  const shown = versie ? rows.find((r) => r.versie === versie) : current;
  if (!current || !shown) throw notFound(`Versie ${versie} van dit functieprofiel`);
  return {
    id: profile.id,
    version: profile.version,
    archived: profile.archived === 1,
    current: toProfileVersion(current, current.display_name),
    shown: toProfileVersion(shown, shown.display_name),
    versions: rows.map((r) => ({
      versie: r.versie,
      versionId: r.id,
      createdAt: r.created_at,
      createdBy: r.display_name,
    })),
  };
}

/** What the audit log compares between two versions: the texts, one line per field. */
function snapshot(c: ProfileContent): Record<string, unknown> {
  return {
    titel: c.titel,
    doel: c.doel,
    taken: c.taken.map((t) => `${t.rol}: ${t.taken.join(' / ')}`).join('; '),
    leefgebieden: c.leefgebieden.join(', '),
    eisen: c.eisen.join('; '),
    competenties: c.competenties.join('; '),
    werkomstandigheden: c.werkomstandigheden,
    velden: c.velden.map((f) => `${f.label} (${f.soort}${f.verplicht ? ', verplicht' : ''})`).join('; '),
    standaardVorm: c.standaardVorm,
    standaardVergoeding: `${c.standaardVergoedingCents} cent ${c.standaardVergoedingEenheid}`,
  };
}

async function insertVersion(
  ctx: WriteCtx,
  versionId: string,
  profileId: string,
  versie: number,
  content: ProfileContent,
) {
  await ctx.db
    .insertInto('function_profile_versions')
    .values({
      id: versionId,
      profile_id: profileId,
      versie,
      content: JSON.stringify(content),
      account_id: ctx.account?.id ?? null,
      created_at: ctx.now,
      version: 1,
    })
    .execute();
}

async function createProfile(ctx: WriteCtx, content: ProfileContent, summary: string) {
  const id = ctx.newId();
  const versionId = ctx.newId();
  await ctx.db
    .insertInto('function_profiles')
    .values({
      id,
      titel: content.titel,
      current_version_id: versionId,
      archived: 0,
      created_at: ctx.now,
      updated_at: ctx.now,
      version: 1,
    })
    .execute();
  await insertVersion(ctx, versionId, id, 1, content);
  ctx.audit({
    recordType: 'profile',
    recordId: id,
    recordVersion: 1,
    summary,
    changes: diff(null, snapshot(content)),
  });
  return { id, version: 1 };
}

export const profilesHandlers = {
  'profiles.list': async (ctx, input) => {
    const rows = await ctx.db
      .selectFrom('function_profiles')
      .innerJoin('function_profile_versions as v', 'v.id', 'function_profiles.current_version_id')
      .select((eb) => [
        'function_profiles.id',
        'function_profiles.version',
        'function_profiles.titel',
        'function_profiles.archived',
        'function_profiles.updated_at',
        'v.versie',
        'v.content',
        eb
          .selectFrom('contracts')
          .innerJoin('function_profile_versions as cv', 'cv.id', 'contracts.profile_version_id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('cv.profile_id', '=', 'function_profiles.id')
          .as('contracten'),
      ])
      .where('function_profiles.archived', '=', input.archived ? 1 : 0)
      .orderBy('function_profiles.titel')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      titel: r.titel,
      versie: r.versie,
      standaardVorm: (JSON.parse(r.content) as { standaardVorm: ContractForm }).standaardVorm,
      archived: r.archived === 1,
      updatedAt: r.updated_at,
      contracten: Number(r.contracten ?? 0),
    }));
  },

  'profiles.get': (ctx, input) => loadProfile(ctx.db, input.id, input.versie),

  'profiles.pdf': async (ctx, input) => {
    const profile = await loadProfile(ctx.db, input.id, input.versie);
    const document = profileDocument(profile.shown, await loadSettings(ctx.db));
    const pdf = await renderPdf(document, { creationDate: new Date(ctx.now) });
    const name = foldForSearch(profile.shown.titel).replace(/[^a-z0-9]+/g, '-');
    return {
      fileName: `functieprofiel-${name}-v${profile.shown.versie}.pdf`,
      base64: pdf.toString('base64'),
    };
  },

  'profiles.create': (ctx, input) => createProfile(ctx, input, `Functieprofiel aangemaakt: ${input.titel}`),

  'profiles.save': async (ctx, input) => {
    const { id, version, ...content } = input;
    const before = await loadProfile(ctx.db, id, null);
    await assertCurrent(ctx.db, 'function_profiles', { id, version });
    const versie = before.versions.length + 1;
    const versionId = ctx.newId();
    await insertVersion(ctx, versionId, id, versie, content);
    return updateVersioned(
      ctx,
      'function_profiles',
      { id, version },
      { titel: content.titel, current_version_id: versionId, updated_at: ctx.now },
      {
        recordType: 'profile',
        summary: `Functieprofiel opgeslagen als versie ${versie}: ${content.titel}`,
        changes: diff(snapshot(before.current), snapshot(content)),
      },
    );
  },

  'profiles.archive': async (ctx, input) => {
    const before = await loadProfile(ctx.db, input.id, null);
    const archived = before.archived ? 0 : 1;
    return updateVersioned(
      ctx,
      'function_profiles',
      input,
      { archived, updated_at: ctx.now },
      {
        recordType: 'profile',
        summary: `Functieprofiel ${archived ? 'gearchiveerd' : 'teruggezet'}: ${before.current.titel}`,
        changes: [{ field: 'archived', before: before.archived, after: archived === 1 }],
      },
    );
  },

  'profiles.duplicate': async (ctx, input) => {
    const source = await loadProfile(ctx.db, input.id, null);
    const {
      profileId: _p,
      versionId: _v,
      versie: _n,
      createdAt: _c,
      createdBy: _b,
      ...content
    } = source.current;
    return createProfile(
      ctx,
      { ...content, titel: `Kopie van ${content.titel}`.slice(0, 120) },
      `Functieprofiel gekopieerd van ${content.titel}`,
    );
  },
} satisfies AreaHandlers<'profiles'>;
