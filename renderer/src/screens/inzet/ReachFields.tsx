import {
  ActionIcon,
  Button,
  Divider,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { originRegionLabels, originRegions } from '../../../../shared/work-vocabulary.ts';
import { type InzetFormValues, n } from './inzet-form-values.ts';

/** The people an activity reached: adults and children, and optionally by origin region and by language. */
export function ReachFields({ form }: { form: UseFormReturnType<InzetFormValues> }) {
  const v = form.values;
  const total = n(v.bereikVolwassenen) + n(v.bereikKinderen);
  const count = (path: keyof InzetFormValues, label: string, description?: string) => (
    <NumberInput
      label={label}
      description={description}
      min={0}
      max={10_000}
      allowDecimal={false}
      allowNegative={false}
      {...form.getInputProps(path)}
      data-path={path}
    />
  );

  return (
    <>
      <Divider label={`Bereik: ${total} ${total === 1 ? 'persoon' : 'mensen'}`} labelPosition="left" />
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {count('bereikVolwassenen', 'Volwassenen')}
        {count('bereikKinderen', 'Kinderen')}
        {count('bereikStatushouders', 'Waarvan statushouders')}
        {count('bereikProfessionals', 'Waarvan professionals')}
      </SimpleGrid>
      <Stack gap={4} data-path="herkomst" tabIndex={-1}>
        <Text size="sm" fw={500}>
          Naar herkomstregio (optioneel)
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing={6} verticalSpacing={4}>
          {originRegions.map((k) => (
            <NumberInput
              key={k}
              size="xs"
              label={originRegionLabels[k]}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              value={v.herkomst[k] ?? ''}
              onChange={(x) => form.setFieldValue(`herkomst.${k}`, x === '' ? '' : Number(x))}
            />
          ))}
        </SimpleGrid>
        {form.errors.herkomst && (
          <Text size="xs" c="red">
            {form.errors.herkomst}
          </Text>
        )}
      </Stack>
      <Stack gap={4} data-path="talen" tabIndex={-1}>
        <Group gap="xs">
          <Text size="sm" fw={500}>
            Naar taal (optioneel)
          </Text>
          <Button
            size="compact-xs"
            variant="light"
            onClick={() => form.insertListItem('talen', { waarde: '', aantal: '' })}
          >
            Taal toevoegen
          </Button>
        </Group>
        {v.talen.map((t, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows without an id of their own, edited in place
          <Group key={i} gap="xs">
            <TextInput
              size="xs"
              aria-label={`Taal ${i + 1}`}
              placeholder="Taal"
              value={t.waarde}
              onChange={(e) => form.setFieldValue(`talen.${i}.waarde`, e.currentTarget.value)}
            />
            <NumberInput
              size="xs"
              w={90}
              aria-label={`Aantal in taal ${i + 1}`}
              min={0}
              allowDecimal={false}
              value={t.aantal}
              onChange={(x) => form.setFieldValue(`talen.${i}.aantal`, x === '' ? '' : Number(x))}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Taal ${i + 1} weghalen`}
              onClick={() => form.removeListItem('talen', i)}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {form.errors.talen && (
          <Text size="xs" c="red">
            {form.errors.talen}
          </Text>
        )}
      </Stack>
    </>
  );
}
