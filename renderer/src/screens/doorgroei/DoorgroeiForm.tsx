import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ReactNode, useState } from 'react';
import type { CallInput } from '../../../../shared/contract.ts';
import {
  cefrLevels,
  type DoorgroeiView,
  type DutchSkill,
  dutchExamLabels,
  dutchExams,
  dutchSkillLabels,
  dutchSkills,
  educationCountries,
  educationCountryLabels,
  educationLevelLabels,
  educationLevels,
  idwAnswers,
  idwLabels,
  portfolioTextMax,
} from '../../../../shared/doorgroei.ts';
import { invoke } from '../../lib/api.ts';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { emptyToNull, showSaved, showServerError } from '../../lib/forms.ts';
import { useUnsavedGuard } from '../../lib/unsaved-guard.tsx';

type Input = CallInput<'doorgroei.save'>;
/** A list row with a key of its own, so removing a row never hands its inputs to the next one. */
type Keyed<T> = T & { key: string };
interface FormValues {
  opleidingen: Keyed<Input['opleidingen'][number]>[];
  /** One row per skill, always four; a skill without a level is left out when saved. */
  nederlands: {
    vaardigheid: DutchSkill;
    niveau: string | null;
    examen: string | null;
    examenDatum: string | null;
  }[];
  werkervaring: Keyed<Input['werkervaring'][number]>[];
  portfolioTekst: string;
}

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));
const keyed = <T extends object>(row: T): Keyed<T> => ({ ...row, key: crypto.randomUUID() });
const unkeyed = <T extends { key: string }>({ key: _key, ...row }: T) => row;

function startValues(view: DoorgroeiView): FormValues {
  return {
    opleidingen: view.opleidingen.map(keyed),
    nederlands: dutchSkills.map((vaardigheid) => {
      const level = view.nederlands.find((l) => l.vaardigheid === vaardigheid);
      return {
        vaardigheid,
        niveau: level?.niveau ?? null,
        examen: level?.examen ?? null,
        examenDatum: level?.examenDatum ?? null,
      };
    }),
    werkervaring: view.werkervaring.map(keyed),
    portfolioTekst: view.portfolioTekst ?? '',
  };
}

/** Education, Dutch per skill, work experience and the portfolio text, saved together against the version read. */
export function DoorgroeiForm({
  view,
  onDone,
  onCancel,
}: {
  view: DoorgroeiView;
  onDone(): void;
  onCancel(): void;
}) {
  const form = useForm<FormValues>({ initialValues: startValues(view) });
  const guard = useUnsavedGuard(() => form.isDirty());
  const [busy, setBusy] = useState(false);

  const submit = form.onSubmit(async (values) => {
    // The rows sent for Dutch are the skills with a level; errors come back by that row, shown at the skill's.
    const levels = values.nederlands.filter((l) => l.niveau !== null);
    const input: Input = {
      personId: view.personId,
      version: view.version,
      opleidingen: values.opleidingen.map((e) => emptyToNull(unkeyed(e))),
      nederlands: levels.map((l) => ({ ...l, niveau: l.niveau ?? '' }) as Input['nederlands'][number]),
      werkervaring: values.werkervaring.map((w) => emptyToNull(unkeyed(w))),
      portfolioTekst: values.portfolioTekst,
    };
    setBusy(true);
    const r = await invoke('doorgroei.save', input);
    setBusy(false);
    if (!r.ok) {
      const fields = Object.fromEntries(
        Object.entries(r.error.fields ?? {}).map(([path, message]) => {
          const m = /^nederlands\.(\d+)\.(.*)$/.exec(path);
          const skill = m ? levels[Number(m[1])]?.vaardigheid : undefined;
          return [skill ? `nederlands.${dutchSkills.indexOf(skill)}.${m?.[2]}` : path, message];
        }),
      );
      return showServerError(form, { ...r.error, fields });
    }
    guard.release();
    showSaved('Opleiding en werkervaring opgeslagen');
    onDone();
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ListCard
          title="Opleidingen"
          add="Opleiding toevoegen"
          empty="Nog geen opleiding."
          rows={form.values.opleidingen}
          removeLabel={(i) => `Opleiding ${i + 1} verwijderen`}
          onAdd={() =>
            form.insertListItem(
              'opleidingen',
              keyed({ land: 'herkomstland', niveau: 'mbo', richting: '', diploma: false, idw: null }),
            )
          }
          onRemove={(i) => form.removeListItem('opleidingen', i)}
        >
          {(e, i) => (
            <SimpleGrid cols={3} spacing="sm">
              <Select
                label="Land"
                allowDeselect={false}
                data={options(educationCountries, educationCountryLabels)}
                {...form.getInputProps(`opleidingen.${i}.land`)}
                onChange={(value) => {
                  form.setFieldValue(`opleidingen.${i}.land`, value as typeof e.land);
                  // The IDW values diplomas from abroad only.
                  if (value === 'nederland') form.setFieldValue(`opleidingen.${i}.idw`, null);
                }}
              />
              <Select
                label="Niveau"
                allowDeselect={false}
                data={options(educationLevels, educationLevelLabels)}
                {...form.getInputProps(`opleidingen.${i}.niveau`)}
              />
              <TextInput
                label="Richting"
                placeholder="bijv. verpleegkunde"
                {...form.getInputProps(`opleidingen.${i}.richting`)}
                data-path={`opleidingen.${i}.richting`}
              />
              <Checkbox
                label="Diploma behaald"
                mt={30}
                {...form.getInputProps(`opleidingen.${i}.diploma`, { type: 'checkbox' })}
              />
              <Select
                label="Waardering IDW"
                placeholder={e.land === 'nederland' ? 'Niet van toepassing' : 'Onbekend'}
                disabled={e.land === 'nederland'}
                clearable
                data={options(idwAnswers, idwLabels)}
                {...form.getInputProps(`opleidingen.${i}.idw`)}
                data-path={`opleidingen.${i}.idw`}
              />
            </SimpleGrid>
          )}
        </ListCard>

        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="sm">
            Nederlands per vaardigheid
          </Title>
          <Table verticalSpacing={4} aria-label="Niveau Nederlands per vaardigheid">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Vaardigheid</Table.Th>
                <Table.Th>Niveau</Table.Th>
                <Table.Th>Examen</Table.Th>
                <Table.Th>Examendatum</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.values.nederlands.map((l, i) => (
                <Table.Tr key={l.vaardigheid}>
                  <Table.Td>{dutchSkillLabels[l.vaardigheid]}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`Niveau ${dutchSkillLabels[l.vaardigheid].toLowerCase()}`}
                      placeholder="Onbekend"
                      clearable
                      data={[...cefrLevels]}
                      w={120}
                      {...form.getInputProps(`nederlands.${i}.niveau`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`Examen ${dutchSkillLabels[l.vaardigheid].toLowerCase()}`}
                      placeholder="Geen"
                      clearable
                      data={options(dutchExams, dutchExamLabels)}
                      {...form.getInputProps(`nederlands.${i}.examen`)}
                      data-path={`nederlands.${i}.examen`}
                    />
                  </Table.Td>
                  <Table.Td>
                    <DutchDateInput
                      aria-label={`Examendatum ${dutchSkillLabels[l.vaardigheid].toLowerCase()}`}
                      w={140}
                      {...form.getInputProps(`nederlands.${i}.examenDatum`)}
                      data-path={`nederlands.${i}.examenDatum`}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>

        <ListCard
          title="Werkervaring"
          add="Werkervaring toevoegen"
          empty="Nog geen werkervaring."
          rows={form.values.werkervaring}
          removeLabel={(i) => `Werkervaring ${i + 1} verwijderen`}
          onAdd={() =>
            form.insertListItem(
              'werkervaring',
              keyed({ functie: '', sector: null, land: '', van: '', tot: null }),
            )
          }
          onRemove={(i) => form.removeListItem('werkervaring', i)}
        >
          {(_row, i) => (
            <SimpleGrid cols={3} spacing="sm">
              <TextInput
                label="Functie"
                {...form.getInputProps(`werkervaring.${i}.functie`)}
                data-path={`werkervaring.${i}.functie`}
              />
              <TextInput label="Sector" {...form.getInputProps(`werkervaring.${i}.sector`)} />
              <TextInput
                label="Land"
                placeholder="Nederland of het land van herkomst"
                {...form.getInputProps(`werkervaring.${i}.land`)}
                data-path={`werkervaring.${i}.land`}
              />
              <DutchDateInput
                label="Van"
                {...form.getInputProps(`werkervaring.${i}.van`)}
                data-path={`werkervaring.${i}.van`}
              />
              <DutchDateInput
                label="Tot"
                placeholder="heden"
                {...form.getInputProps(`werkervaring.${i}.tot`)}
                data-path={`werkervaring.${i}.tot`}
              />
            </SimpleGrid>
          )}
        </ListCard>

        <Paper withBorder p="md">
          <Textarea
            label="Tekst voor het portfolio"
            description={`Een korte tekst over de persoon, voor een werkgever: staat bovenaan het portfolio (${form.values.portfolioTekst.length} van ${portfolioTextMax} tekens).`}
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps('portfolioTekst')}
            data-path="portfolioTekst"
          />
        </Paper>

        <Group>
          <Button type="submit" loading={busy}>
            Opslaan
          </Button>
          <Button variant="default" onClick={onCancel}>
            Annuleren
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A list of the form (education, work experience): a row of fields per entry, each removable, and one to add. */
function ListCard<T extends { key: string }>({
  title,
  add,
  empty,
  rows,
  removeLabel,
  onAdd,
  onRemove,
  children,
}: {
  title: string;
  add: string;
  empty: string;
  rows: T[];
  removeLabel(index: number): string;
  onAdd(): void;
  onRemove(index: number): void;
  children(row: T, index: number): ReactNode;
}) {
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {title}
        </Title>
        <Button size="xs" variant="light" onClick={onAdd}>
          {add}
        </Button>
      </Group>
      {rows.length === 0 && <Text c="dimmed">{empty}</Text>}
      <Stack gap="sm">
        {rows.map((row, i) => (
          <Group key={row.key} align="flex-start" wrap="nowrap">
            <div style={{ flex: 1 }}>{children(row, i)}</div>
            <ActionIcon
              variant="subtle"
              color="red"
              mt={28}
              aria-label={removeLabel(i)}
              onClick={() => onRemove(i)}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
