import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { type Claim, claimKindShort, payoutBlockingChecks } from '../../../../shared/claims.ts';
import { addDays, dutchDate } from '../../../../shared/dates.ts';
import { capitalise, formatCents, formatDate } from '../../../../shared/format.ts';
import { sepaIbanProblem } from '../../../../shared/iban.ts';
import { invoke } from '../../lib/api.ts';
import { DutchDateInput } from '../../lib/date-input.tsx';
import { showSaved, showServerError } from '../../lib/forms.ts';
import { href } from '../../lib/route.ts';
import { useCan, useSession } from '../../lib/session.tsx';
import { useCall } from '../../lib/use-call.ts';

const declaraties = (n: number) => `${n} ${n === 1 ? 'declaratie' : 'declaraties'}`;
/** What keeps an approved claim out of a batch (its IBAN), or null. */
const payoutBlock = (c: Claim) => c.checks.find((x) => payoutBlockingChecks.has(x.code)) ?? null;

/**
 * The organisation's own IBAN, which every batch is paid from: when it is missing or wrong, who can fix it and
 * where. Only the beheerder opens Instellingen; whoever else meets it is told to ask them.
 */
function OrganisationIban({ problem, refused }: { problem: string | null; refused: string | undefined }) {
  const { account } = useSession();
  if (!problem && !refused) return null;
  const text = refused
    ? `IBAN van de organisatie: ${refused}.`
    : problem === 'geen IBAN bekend'
      ? 'Het IBAN van de organisatie ontbreekt: de beheerder vult het IBAN van de organisatie in bij Instellingen. Tot dan kan er geen betaalbatch worden gemaakt.'
      : `Het IBAN van de organisatie klopt niet (${problem}): de beheerder past het aan bij Instellingen. Tot dan kan er geen betaalbatch worden gemaakt.`;
  return (
    <Alert color="orange" title="IBAN van de organisatie" data-path="organisatieIban" tabIndex={-1}>
      {text} {account.isBeheerder && <Anchor href={href('/instellingen')}>Naar Instellingen</Anchor>}
    </Alert>
  );
}

/**
 * Approved claims waiting for payment, each to be left in or out of the next batch. A claim whose person has no
 * usable IBAN cannot go in and says so at its row; every refusal of the batch stands at its own place: a claim's at
 * the claim, the date's at the date, the organisation's IBAN above.
 */
export function ReadyForPayment({ approved, onDone }: { approved: Claim[]; onDone(): void }) {
  const can = useCan();
  const mayCreate = can('payouts.create');
  const settings = useCall('settings.get', {});
  const organisationProblem = settings.data ? sepaIbanProblem(settings.data.iban) : null;
  // Ids the administrateur left out; a claim approved later starts in.
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [claimErrors, setClaimErrors] = useState<Record<string, string>>({});
  const form = useForm({ initialValues: { uitvoerdatum: addDays(dutchDate(), 1) } });

  const payable = approved.filter((c) => !payoutBlock(c));
  const chosen = payable.filter((c) => !left.has(c.id));
  const people = new Set(chosen.map((c) => c.personId)).size;
  const chosenCents = chosen.reduce((n, c) => n + c.bedragCents, 0);
  const setIn = (id: string, inBatch: boolean) =>
    setLeft((prev) => {
      const next = new Set(prev);
      if (inBatch) next.delete(id);
      else next.add(id);
      return next;
    });

  const submit = form.onSubmit(async ({ uitvoerdatum }) => {
    const sent = chosen.map((c) => c.id);
    const r = await invoke('payouts.create', { claimIds: sent, uitvoerdatum });
    if (!r.ok) {
      const atClaims: Record<string, string> = {};
      const atFields: Record<string, string> = {};
      for (const [field, message] of Object.entries(r.error.fields ?? {})) {
        const id = sent[Number(/^claimIds\.(\d+)$/.exec(field)?.[1] ?? Number.NaN)];
        if (id) atClaims[id] = capitalise(message);
        else atFields[field] = field === 'organisatieIban' ? message : capitalise(message);
      }
      setClaimErrors(atClaims);
      form.setErrors(atFields);
      if (Object.keys(atClaims).length === 0 && Object.keys(atFields).length === 0) {
        showServerError(null, r.error);
      }
      return;
    }
    setLeft(new Set());
    setClaimErrors({});
    form.clearErrors();
    showSaved('Betaalbatch gemaakt; het SEPA-bestand is gecontroleerd');
    onDone();
  });

  const allIn = payable.length > 0 && chosen.length === payable.length;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            Klaar voor betaling
          </Title>
          <Text size="sm" c="dimmed">
            {approved.length} goedgekeurde {approved.length === 1 ? 'declaratie' : 'declaraties'},{' '}
            {formatCents(approved.reduce((n, c) => n + c.bedragCents, 0))}
            {payable.length < approved.length &&
              `; ${declaraties(approved.length - payable.length)} zonder bruikbaar IBAN`}
          </Text>
        </div>
        <OrganisationIban
          problem={organisationProblem}
          refused={form.errors.organisatieIban as string | undefined}
        />
        {approved.length > 0 && (
          <ScrollArea.Autosize mah={320} type="auto">
            <Table verticalSpacing={4} aria-label="Klaar voor betaling" style={{ whiteSpace: 'nowrap' }}>
              <Table.Thead>
                <Table.Tr>
                  {mayCreate && (
                    <Table.Th w={40}>
                      <Checkbox
                        aria-label="Alle betaalbare in de batch"
                        checked={allIn}
                        indeterminate={!allIn && chosen.length > 0}
                        disabled={payable.length === 0}
                        onChange={(e) =>
                          setLeft(e.currentTarget.checked ? new Set() : new Set(payable.map((c) => c.id)))
                        }
                      />
                    </Table.Th>
                  )}
                  <Table.Th>Datum</Table.Th>
                  <Table.Th>Sleutelpersoon</Table.Th>
                  <Table.Th>Soort</Table.Th>
                  <Table.Th ta="right">Bedrag</Table.Th>
                  <Table.Th>Melding</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {approved.map((c) => {
                  const block = payoutBlock(c);
                  const error = claimErrors[c.id];
                  return (
                    <Table.Tr key={c.id} bg={block || error ? 'var(--mantine-color-red-light)' : undefined}>
                      {mayCreate && (
                        <Table.Td>
                          <Checkbox
                            aria-label={`In de batch: ${c.personNaam} ${formatDate(c.datum)}`}
                            checked={!block && !left.has(c.id)}
                            disabled={block !== null}
                            onChange={(e) => setIn(c.id, e.currentTarget.checked)}
                          />
                        </Table.Td>
                      )}
                      <Table.Td>{formatDate(c.datum)}</Table.Td>
                      <Table.Td>{c.personNaam}</Table.Td>
                      <Table.Td>{claimKindShort[c.soort]}</Table.Td>
                      <Table.Td ta="right">{formatCents(c.bedragCents)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'normal' }}>
                        {block && (
                          <Text size="xs" c="red" maw={460}>
                            {block.message}{' '}
                            <Anchor href={href(`/personen/${c.personId}`)} size="xs">
                              Naar {c.personNaam}
                            </Anchor>
                          </Text>
                        )}
                        {error && (
                          <Text size="xs" c="red" maw={460}>
                            {error}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
        {mayCreate && (
          <form onSubmit={submit} noValidate>
            <Group align="flex-start" gap="sm">
              <DutchDateInput
                label="Uitvoerdatum"
                clearable={false}
                w={160}
                {...form.getInputProps('uitvoerdatum')}
                data-path="uitvoerdatum"
              />
              <Stack gap={4} mt={25}>
                <Button type="submit" disabled={chosen.length === 0 || organisationProblem !== null}>
                  Betaalbatch maken ({chosen.length})
                </Button>
                {form.errors.claimIds && (
                  <Text c="red" size="sm">
                    {form.errors.claimIds}
                  </Text>
                )}
              </Stack>
              <Text size="sm" c="dimmed" mt={32}>
                {chosen.length === 0
                  ? 'Kies de declaraties die mee gaan.'
                  : `${declaraties(chosen.length)} voor ${people} ${people === 1 ? 'persoon' : 'personen'}, samen ${formatCents(chosenCents)}.`}
              </Text>
            </Group>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
