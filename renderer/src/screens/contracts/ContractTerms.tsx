import {
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { type ContractFormTermName, maxProeftijdMaanden } from '../../../../shared/contracts.ts';
import { allowanceUnitLabels, allowanceUnits, type ContractForm } from '../../../../shared/profiles.ts';
import { EuroInput } from '../../lib/euro-input.tsx';
import { type EditorForm, type Option, termProps } from './term-fields.ts';
import { type TermSection, termLayout } from './term-layout.ts';

/** Every input of one form's terms, by term: a term of the schema without an input here does not compile. */
type TermInputs<F extends ContractForm> = Record<ContractFormTermName<F>, ReactNode>;

const allowanceUnitOptions = allowanceUnits.map((unit) => ({
  value: unit,
  label: allowanceUnitLabels[unit],
}));
const rateKindOptions = [
  { value: 'uur', label: 'Uurtarief' },
  { value: 'vast', label: 'Vaste prijs' },
];

function TermSections<Name extends string>({
  layout,
  inputs,
}: {
  layout: readonly TermSection<Name>[];
  inputs: Record<Name, ReactNode>;
}) {
  return (
    <Stack gap="sm">
      {layout.map((section) => {
        const placed = section.terms.map((name) => <Fragment key={name}>{inputs[name]}</Fragment>);
        return section.kind === 'row' ? (
          <Group key={section.terms.join()} gap="lg">
            {placed}
          </Group>
        ) : (
          <SimpleGrid key={section.terms.join()} cols={3} spacing="sm">
            {placed}
          </SimpleGrid>
        );
      })}
    </Stack>
  );
}

function VolunteerTerms({ form, begeleiders }: { form: EditorForm; begeleiders: Option[] }) {
  const term = termProps(form);
  const { vergoedingEenheid: unit, kmVergoedingCents } = form.values;
  const inputs: TermInputs<'vrijwilligersovereenkomst'> = {
    vergoedingEenheid: (
      <Select {...term.plain('vergoedingEenheid')} allowDeselect={false} data={allowanceUnitOptions} />
    ),
    vergoedingCents: unit !== 'geen' && <EuroInput {...term.euro('vergoedingCents')} />,
    // Every paid form has an hourly maximum: a fixed amount is checked per expected hour.
    verwachtUrenPerMaand: unit !== 'geen' && (
      <NumberInput
        {...term.count('verwachtUrenPerMaand')}
        description={unit === 'uur' ? undefined : 'Nodig om de uurgrens te controleren.'}
      />
    ),
    verwachteActiviteitenPerMaand: unit === 'activiteit' && (
      <NumberInput {...term.count('verwachteActiviteitenPerMaand')} />
    ),
    kmVergoedingCents: <EuroInput {...term.euro('kmVergoedingCents')} label="Kilometervergoeding per km" />,
    verwachteKmPerMaand: (kmVergoedingCents ?? 0) > 0 && (
      <NumberInput {...term.count('verwachteKmPerMaand')} />
    ),
    andereOrganisatiesPerMaandCents: (
      <EuroInput
        {...term.euro('andereOrganisatiesPerMaandCents')}
        description="Wat de vrijwilliger elders krijgt: de grenzen gelden per persoon."
      />
    ),
    onkostenMetBon: <Checkbox {...term.yesNo('onkostenMetBon')} label="Onkosten met bon vergoed" />,
    waVerzekering: <Checkbox {...term.yesNo('waVerzekering')} />,
    ongevallenVerzekering: <Checkbox {...term.yesNo('ongevallenVerzekering')} />,
    werktelefoon: <Switch {...term.yesNo('werktelefoon')} />,
    verzekeringVia: <TextInput {...term.plain('verzekeringVia')} placeholder="de organisatie" />,
    vasteBegeleiderId: (
      <Select {...term.plain('vasteBegeleiderId')} data={begeleiders} clearable searchable />
    ),
    opzegtermijnWeken: <NumberInput {...term.count('opzegtermijnWeken')} />,
    werktijden: <Textarea {...term.plain('werktijden')} autosize minRows={2} />,
    bereikbaarheid: <Textarea {...term.plain('bereikbaarheid')} autosize minRows={2} />,
    scholing: <Textarea {...term.plain('scholing')} autosize minRows={2} />,
  };
  return <TermSections layout={termLayout.vrijwilligersovereenkomst} inputs={inputs} />;
}

/** What the law allows for the period as typed so far (BW 7:652), beside the proeftijd field. */
function proeftijdHintFor(startdatum: string | null, einddatum: string | null): string {
  if (!startdatum || (einddatum && einddatum < startdatum)) return 'Hoogstens 2 maanden (art. 7:652 BW).';
  const max = maxProeftijdMaanden(startdatum, einddatum);
  if (max === 0) return 'Geen proeftijd bij een contract van zes maanden of korter (art. 7:652 BW).';
  if (max === 1) return 'Hoogstens 1 maand bij een contract korter dan twee jaar (art. 7:652 BW).';
  return 'Hoogstens 2 maanden (art. 7:652 BW).';
}

function EmploymentTerms({ form }: { form: EditorForm }) {
  const term = termProps(form);
  const proeftijdHint = proeftijdHintFor(form.values.startdatum, form.values.einddatum);
  const inputs: TermInputs<'arbeidsovereenkomst'> = {
    urenPerWeek: <NumberInput {...term.count('urenPerWeek')} max={60} />,
    cao: <TextInput {...term.plain('cao')} />,
    schaal: <TextInput {...term.plain('schaal')} />,
    trede: <TextInput {...term.plain('trede')} />,
    brutoMaandsalarisCents: <EuroInput {...term.euro('brutoMaandsalarisCents')} />,
    proeftijdMaanden: <NumberInput {...term.count('proeftijdMaanden')} max={2} description={proeftijdHint} />,
  };
  return <TermSections layout={termLayout.arbeidsovereenkomst} inputs={inputs} />;
}

function InternshipTerms({ form }: { form: EditorForm }) {
  const term = termProps(form);
  const inputs: TermInputs<'stage'> = {
    onderwijsinstelling: <TextInput {...term.plain('onderwijsinstelling')} />,
    opleiding: <TextInput {...term.plain('opleiding')} />,
    praktijkbegeleider: <TextInput {...term.plain('praktijkbegeleider')} />,
    urenPerWeek: <NumberInput {...term.count('urenPerWeek')} max={40} />,
    stagevergoedingCents: <EuroInput {...term.euro('stagevergoedingCents')} />,
  };
  return <TermSections layout={termLayout.stage} inputs={inputs} />;
}

function AssignmentTerms({ form }: { form: EditorForm }) {
  const term = termProps(form);
  const inputs: TermInputs<'opdracht'> = {
    kvkNummer: <TextInput {...term.plain('kvkNummer')} placeholder="12345678" />,
    tariefSoort: <Select {...term.plain('tariefSoort')} allowDeselect={false} data={rateKindOptions} />,
    tariefCents: <EuroInput {...term.euro('tariefCents')} />,
    opdrachtOmschrijving: (
      <Textarea
        {...term.plain('opdrachtOmschrijving')}
        autosize
        minRows={3}
        style={{ gridColumn: 'span 3' }}
      />
    ),
  };
  return <TermSections layout={termLayout.opdracht} inputs={inputs} />;
}

/** The 'Voorwaarden' panel: the terms of the chosen contract form. */
export function ContractTerms({ form, begeleiders }: { form: EditorForm; begeleiders: Option[] }) {
  const vorm = form.values.vorm;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="sm">
        Voorwaarden
      </Title>
      {vorm === 'vrijwilligersovereenkomst' && <VolunteerTerms form={form} begeleiders={begeleiders} />}
      {vorm === 'arbeidsovereenkomst' && <EmploymentTerms form={form} />}
      {vorm === 'stage' && <InternshipTerms form={form} />}
      {vorm === 'opdracht' && <AssignmentTerms form={form} />}
    </Paper>
  );
}
