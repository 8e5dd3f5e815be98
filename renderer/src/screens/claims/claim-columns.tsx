import { Anchor, Badge, Box, Checkbox, Group, Text, Tooltip } from '@mantine/core';
import {
  createColumnHelper,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import {
  type Claim,
  type ClaimStatus,
  claimCheckLabels,
  claimKindLabels,
  claimKindShort,
  claimStatusLabels,
  receiptKinds,
} from '../../../../shared/claims.ts';
import { formatCents, formatDate } from '../../../../shared/format.ts';

// Sorting and paging happen in the main process; the table holds their state and the selection.
export const features = tableFeatures({ rowSortingFeature, rowPaginationFeature, rowSelectionFeature });
const column = createColumnHelper<typeof features, Claim>();

const statusColors: Record<ClaimStatus, string> = {
  ingediend: 'blue',
  goedgekeurd: 'teal',
  afgewezen: 'red',
  in_batch: 'grape',
  betaald: 'gray',
};

export interface RowActions {
  /** Null where the role may not do it. */
  select: boolean;
  correct: ((claim: Claim) => void) | null;
  receipts: ((claim: Claim) => void) | null;
  /** Add or replace the receipts of a submitted claim. */
  setReceipts: ((claim: Claim) => void) | null;
}

/** Whether this claim cannot be approved as it stands: the table marks its row with the reason. */
export const blocks = (c: Claim) => c.checks.some((x) => x.blocking);

const selectColumn = column.display({
  id: 'kies',
  header: ({ table }) => (
    <Checkbox
      aria-label="Alle ingediende kiezen"
      checked={table.getIsAllPageRowsSelected()}
      disabled={!table.getRowModel().rows.some((row) => row.getCanSelect())}
      onChange={(e) => table.toggleAllPageRowsSelected(e.currentTarget.checked)}
    />
  ),
  cell: ({ row }) =>
    row.getCanSelect() && (
      <Checkbox
        aria-label={`Kies ${row.original.personNaam} ${formatDate(row.original.datum)}`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
});

function Description({ claim: c, actions, narrow }: { claim: Claim; actions: RowActions; narrow: boolean }) {
  const { correct, receipts, setReceipts } = actions;
  // Costs need a receipt, which may come later, until the claim is decided (replacing one is in the receipts view).
  const mayAddReceipt =
    c.status === 'ingediend' && setReceipts && receiptKinds.has(c.soort) && c.bonnen === 0;
  return (
    <>
      <Text size="sm" truncate="end" maw={narrow ? 140 : 200} title={c.omschrijving}>
        {narrow && `${claimKindShort[c.soort]} · `}
        {c.omschrijving}
        {c.km ? ` · ${c.km} km` : ''}
      </Text>
      {c.status === 'ingediend' && correct && (
        <Anchor component="button" type="button" size="xs" mr="xs" onClick={() => correct(c)}>
          Corrigeren
        </Anchor>
      )}
      {c.bonnen > 0 && receipts && (
        <Anchor component="button" type="button" size="xs" onClick={() => receipts(c)}>
          {c.bonnen === 1 ? 'Bon bekijken' : `${c.bonnen} bonnen bekijken`}
        </Anchor>
      )}
      {mayAddReceipt && (
        <Anchor component="button" type="button" size="xs" onClick={() => setReceipts(c)}>
          Bon toevoegen
        </Anchor>
      )}
    </>
  );
}

function Amount({ claim: c }: { claim: Claim }) {
  return (
    <>
      {formatCents(c.bedragCents)}
      {c.origineel && (
        <Text size="xs" c="dimmed">
          was {formatCents(Number(c.origineel.bedragCents ?? 0))}
        </Text>
      )}
      {c.ruimteCents !== null && (
        <Tooltip
          label="Wat deze persoon deze maand en dit jaar nog onbelast kan krijgen vóór deze declaratie: na wat al is goedgekeurd en na de eerdere declaraties van deze persoon in deze lijst"
          multiline
          w={300}
        >
          <Text size="xs" c={c.ruimteCents < c.bedragCents ? 'red' : 'dimmed'}>
            ruimte {formatCents(Math.max(0, c.ruimteCents))}
          </Text>
        </Tooltip>
      )}
    </>
  );
}

/** The checks as badges (the message on hover); what blocks approval also as text, so the row says why. */
function Checks({ claim: c }: { claim: Claim }) {
  const blocking = c.checks.filter((x) => x.blocking);
  return (
    <>
      <Group gap={4}>
        {c.checks.map((x) => (
          <Tooltip key={x.code} label={x.message} multiline w={300}>
            <Badge color={x.blocking ? 'red' : 'orange'} variant="light" style={{ minWidth: 'max-content' }}>
              {claimCheckLabels[x.code]}
            </Badge>
          </Tooltip>
        ))}
      </Group>
      {blocking.length > 0 && (
        <Text size="xs" c="red" mt={4} maw={340}>
          Blokkeert goedkeuring: {blocking.map((x) => x.message).join(' ')}
        </Text>
      )}
    </>
  );
}

/**
 * The queue's columns; the ids of the sortable ones are the sort allow-list of shared/claims.ts. A narrow window
 * (under 1280 pixels) puts the kind before the description and the checks under the status, rather than scroll
 * sideways.
 */
export function claimColumns(actions: RowActions, narrow: boolean) {
  return column.columns([
    ...(actions.select ? [selectColumn] : []),
    column.accessor('datum', { header: 'Datum', cell: (c) => formatDate(c.getValue()) }),
    column.accessor('personNaam', { id: 'persoon', header: 'Sleutelpersoon' }),
    ...(narrow
      ? []
      : [
          column.accessor('soort', {
            header: 'Soort',
            cell: (c) => <span title={claimKindLabels[c.getValue()]}>{claimKindShort[c.getValue()]}</span>,
          }),
        ]),
    column.display({
      id: 'omschrijving',
      header: 'Omschrijving',
      cell: ({ row }) => <Description claim={row.original} actions={actions} narrow={narrow} />,
    }),
    column.accessor('bedragCents', {
      id: 'bedrag',
      header: 'Bedrag',
      cell: ({ row }) => <Amount claim={row.original} />,
    }),
    column.accessor('status', {
      header: 'Status',
      cell: ({ row: { original: c } }) => (
        <>
          <Tooltip label={c.redenAfwijzing ?? ''} disabled={!c.redenAfwijzing}>
            <Badge color={statusColors[c.status]} variant="light" style={{ minWidth: 'max-content' }}>
              {claimStatusLabels[c.status]}
            </Badge>
          </Tooltip>
          {narrow && c.checks.length > 0 && (
            <Box mt={4}>
              <Checks claim={c} />
            </Box>
          )}
        </>
      ),
    }),
    ...(narrow
      ? []
      : [
          column.display({
            id: 'meldingen',
            header: 'Meldingen',
            cell: ({ row }) => <Checks claim={row.original} />,
          }),
        ]),
  ]);
}
