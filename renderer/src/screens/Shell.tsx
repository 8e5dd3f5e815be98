import { AppShell, Badge, Box, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CallName } from '../../../shared/contract.ts';
import { roleLabels } from '../../../shared/roles.ts';
import { href, useRoute } from '../lib/route.ts';
import { useCan, useSession } from '../lib/session.tsx';
import { AccountsScreen } from './AccountsScreen.tsx';
import { AuditScreen } from './AuditScreen.tsx';
import { NotFound } from './NotFound.tsx';
import { PasswordScreen } from './PasswordScreen.tsx';
import { PersonFormScreen } from './PersonFormScreen.tsx';
import { PersonPage } from './PersonPage.tsx';
import { PersonsScreen } from './PersonsScreen.tsx';
import { SettingsScreen } from './SettingsScreen.tsx';

/** The main menu: each item shown only to roles whose calls it needs. */
const menu: { path: string; label: string; needs: CallName }[] = [
  { path: '/personen', label: 'Sleutelpersonen', needs: 'persons.list' },
  { path: '/audit', label: 'Auditlog', needs: 'audit.list' },
  { path: '/accounts', label: 'Accounts', needs: 'accounts.list' },
  { path: '/instellingen', label: 'Instellingen', needs: 'settings.update' },
];

function screenFor(route: string[]): ReactNode {
  const [area, id, action] = route;
  switch (area) {
    case undefined:
    case 'personen':
      if (id === 'nieuw') return <PersonFormScreen personId={null} />;
      if (id && action === 'bewerken') return <PersonFormScreen personId={id} />;
      if (id) return <PersonPage personId={id} tab={action ?? 'gegevens'} />;
      return <PersonsScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'accounts':
      return <AccountsScreen />;
    case 'instellingen':
      return <SettingsScreen />;
    case 'wachtwoord':
      return <PasswordScreen />;
    default:
      return <NotFound />;
  }
}

export function Shell() {
  const route = useRoute();
  const { account, organisatieNaam, logout } = useSession();
  const can = useCan();
  const current = `/${route[0] ?? 'personen'}`;

  return (
    <AppShell navbar={{ width: 230, breakpoint: 0 }} padding="lg">
      <AppShell.Navbar p="sm" aria-label="Hoofdmenu">
        <Stack justify="space-between" h="100%">
          <Box>
            <Title order={2} size="h3" px="xs">
              Schakel
            </Title>
            <Text size="xs" c="dimmed" px="xs" mb="md" lineClamp={2}>
              {organisatieNaam}
            </Text>
            {menu
              .filter((m) => can(m.needs))
              .map((m) => (
                <NavLink
                  key={m.path}
                  href={href(m.path)}
                  label={m.label}
                  active={current === m.path}
                  aria-current={current === m.path ? 'page' : undefined}
                />
              ))}
          </Box>
          <Box px="xs">
            <Text size="sm" fw={600}>
              {account.displayName}
            </Text>
            <Group gap={4} mb="xs">
              <Badge variant="light" size="sm">
                {roleLabels[account.role]}
              </Badge>
              {account.isBeheerder && (
                <Badge variant="light" color="grape" size="sm">
                  Beheerder
                </Badge>
              )}
            </Group>
            <NavLink
              href={href('/wachtwoord')}
              label="Wachtwoord wijzigen"
              active={current === '/wachtwoord'}
            />
            <NavLink component="button" label="Uitloggen" onClick={logout} />
          </Box>
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <Box maw={1400}>{screenFor(route)}</Box>
      </AppShell.Main>
    </AppShell>
  );
}
