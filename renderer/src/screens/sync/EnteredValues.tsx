import { Badge, List, Text } from '@mantine/core';
import { formatChangeValue } from '../../../../shared/audit.ts';
import { labelOf } from '../../../../shared/field-labels.ts';

/** The record and its version say nothing to a person; what they typed does. */
const hidden = new Set(['id', 'version']);
/** Values that are whole files or pictures: named, not shown. */
const files: Record<string, string> = { base64: '(bestand)', logo: '(afbeelding)', inhoud: '(bestand)' };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const longest = 300;

type Names = (id: string) => string | undefined;
type Fields = Record<string, unknown>;
const isPlain = (value: unknown) => typeof value !== 'object' || value === null;
const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
const isFlatPart = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(isPlain);

function shown(field: string, value: unknown, accountName: Names): string {
  if (Object.hasOwn(files, field) && typeof value === 'string') return files[field] as string;
  if (Array.isArray(value)) {
    // Other records chosen in the form (people for a request): their ids read as nothing.
    if (value.every((v) => typeof v === 'string' && uuid.test(v))) return `${value.length} gekozen`;
    return value
      .map((v) => (isFlatPart(v) ? inLine(v, accountName) : shown(field, v, accountName)))
      .join('; ');
  }
  const text = formatChangeValue(field, value, accountName);
  if (uuid.test(text)) return 'gekozen';
  return text.length > longest ? `${text.slice(0, longest)}…` : text;
}

/** A small part on one line: 'Taal: Turks · Niveau: moedertaal'. */
function inLine(part: Fields, accountName: Names): string {
  return Object.entries(part)
    .filter(([key, value]) => !hidden.has(key) && !isEmpty(value))
    .map(([key, value]) => `${labelOf(key)}: ${shown(key, value, accountName)}`)
    .join(' · ');
}

/**
 * What the user entered for a command, field by field in words ('Telefoon: 06 1234 5678'), leaving out what they
 * left empty; a list of small parts one line each, larger parts indented. Passwords arrive hidden ('[verborgen]').
 * Fields someone else changed meanwhile (their labels, from the conflict) are marked.
 */
export function EnteredValues({
  value,
  accountName,
  changed = [],
  depth = 0,
}: {
  value: unknown;
  accountName: Names;
  changed?: readonly string[];
  depth?: number;
}) {
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [`Regel ${i + 1}`, item])
    : typeof value === 'object' && value !== null
      ? Object.entries(value).filter(([key, item]) => !hidden.has(key) && !isEmpty(item))
      : [];
  if (entries.length === 0) {
    return depth === 0 ? (
      <Text size="sm" c="dimmed">
        Geen velden ingevuld.
      </Text>
    ) : null;
  }
  return (
    <List
      size="sm"
      spacing={2}
      withPadding={depth > 0}
      listStyleType={depth > 0 ? 'circle' : 'disc'}
      // A record's many fields in two columns, so the choice below stays near.
      style={
        depth === 0 && entries.length > 8 ? { columns: 2, columnGap: 'var(--mantine-spacing-xl)' } : undefined
      }
    >
      {entries.map(([key, item]) => {
        const label = Array.isArray(value) ? key : labelOf(key);
        const flat = isPlain(item) || (Array.isArray(item) && item.every((v) => isPlain(v) || isFlatPart(v)));
        return (
          <List.Item key={key} style={{ breakInside: 'avoid' }}>
            <Text span size="sm" fw={500}>
              {label}
            </Text>
            {flat || depth >= 3 ? (
              `: ${flat ? shown(key, item, accountName) : '…'}`
            ) : (
              <EnteredValues value={item} accountName={accountName} depth={depth + 1} />
            )}
            {changed.includes(label) && (
              <Badge size="xs" color="orange" variant="light" ml={6}>
                ook intussen gewijzigd
              </Badge>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}
