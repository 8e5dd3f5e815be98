/** The inzet form's values: filled from a stored activity (or today's defaults) and sent as `inzet.save`'s input. */
import type { CallInput } from '../../../../shared/contract.ts';
import { dutchDate } from '../../../../shared/dates.ts';
import type { Inzet } from '../../../../shared/inzet.ts';
import {
  type ActivityKind,
  type HulpvraagCategory,
  type OriginRegion,
  originRegions,
  type ReferralKind,
} from '../../../../shared/work-vocabulary.ts';

export type InzetFormValues = {
  requestId: string | null;
  datum: string;
  minuten: number | null;
  soort: ActivityKind;
  personIds: string[];
  partnerId: string | null;
  projectId: string | null;
  gemeente: string;
  rollen: string[];
  leefgebieden: string[];
  bereikVolwassenen: number | '';
  bereikKinderen: number | '';
  bereikStatushouders: number | '';
  bereikProfessionals: number | '';
  herkomst: Partial<Record<OriginRegion, number | ''>>;
  talen: { waarde: string; aantal: number | '' }[];
  hulpvraag: HulpvraagCategory[];
  hulpvraagNotitie: string;
  doorverwijzing: ReferralKind[];
  uitkomst: string;
};

export function initialValues(inzet: Inzet | null): InzetFormValues {
  return {
    requestId: inzet?.requestId ?? null,
    datum: inzet?.datum ?? dutchDate(),
    minuten: inzet?.minuten ?? 60,
    soort: inzet?.soort ?? 'individuele_ondersteuning',
    personIds: inzet?.personen.map((p) => p.personId) ?? [],
    partnerId: inzet?.partnerId ?? null,
    projectId: inzet?.projectId ?? null,
    gemeente: inzet?.gemeente ?? '',
    rollen: inzet?.rollen ?? [],
    leefgebieden: inzet?.inhoud?.leefgebieden ?? [],
    bereikVolwassenen: inzet?.bereikVolwassenen ?? 1,
    bereikKinderen: inzet?.bereikKinderen ?? 0,
    bereikStatushouders: inzet?.bereikStatushouders ?? 0,
    bereikProfessionals: inzet?.bereikProfessionals ?? 0,
    herkomst: Object.fromEntries(inzet?.herkomst.map((h) => [h.waarde, h.aantal]) ?? []),
    talen: inzet?.talen ?? [],
    hulpvraag: inzet?.inhoud?.hulpvraag ?? [],
    hulpvraagNotitie: inzet?.inhoud?.hulpvraagNotitie ?? '',
    doorverwijzing: inzet?.inhoud?.doorverwijzing ?? [],
    uitkomst: inzet?.inhoud?.uitkomst ?? '',
  };
}

export const n = (v: number | '') => (v === '' ? 0 : v);

/** What the form sends: empty counts as 0, only regions and languages with people in them. */
export function saveInput(values: InzetFormValues, inzet: Inzet | null): CallInput<'inzet.save'> {
  return {
    id: inzet?.id ?? null,
    version: inzet?.version ?? null,
    datum: values.datum,
    minuten: values.minuten ?? 0,
    personIds: values.personIds,
    partnerId: values.partnerId,
    requestId: values.requestId,
    projectId: values.projectId,
    soort: values.soort,
    gemeente: values.gemeente || null,
    rollen: values.rollen,
    leefgebieden: values.leefgebieden,
    bereikVolwassenen: n(values.bereikVolwassenen),
    bereikKinderen: n(values.bereikKinderen),
    bereikStatushouders: n(values.bereikStatushouders),
    bereikProfessionals: n(values.bereikProfessionals),
    herkomst: originRegions
      .filter((k) => n(values.herkomst[k] ?? '') > 0)
      .map((k) => ({ waarde: k, aantal: n(values.herkomst[k] ?? '') })),
    talen: values.talen
      .filter((t) => t.waarde.trim() !== '' && n(t.aantal) > 0)
      .map((t) => ({ waarde: t.waarde.trim(), aantal: n(t.aantal) })),
    hulpvraag: values.hulpvraag,
    hulpvraagNotitie: values.hulpvraagNotitie || null,
    doorverwijzing: values.doorverwijzing,
    uitkomst: values.uitkomst || null,
  };
}
