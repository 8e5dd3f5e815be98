import { AppShell, Badge, Box, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import type { CallName } from '../../../shared/contract.ts';
import { roleLabels } from '../../../shared/roles.ts';
import { href, useRoute } from '../lib/route.ts';
import { useCan, useSession } from '../lib/session.tsx';
import { confirmLeave, UnsavedChangesDialog } from '../lib/unsaved-guard.tsx';
import { AanvragenScreen } from '../screens/aanvragen/AanvragenScreen.tsx';
import { RequestPage } from '../screens/aanvragen/RequestPage.tsx';
import { AccountsScreen } from '../screens/accounts/AccountsScreen.tsx';
import { StartScreen } from '../screens/attention/StartScreen.tsx';
import { AuditScreen } from '../screens/audit/AuditScreen.tsx';
import { PasswordScreen } from '../screens/auth/PasswordScreen.tsx';
import { RetentionScreen } from '../screens/avg/RetentionScreen.tsx';
import { BackupsScreen } from '../screens/backups/BackupsScreen.tsx';
import { CaseloadScreen } from '../screens/begeleiding/CaseloadScreen.tsx';
import { ClaimsScreen } from '../screens/claims/ClaimsScreen.tsx';
import { ContractScreen, NewContractScreen } from '../screens/contracts/ContractScreens.tsx';
import { IntervisieScreen } from '../screens/intervisie/IntervisieScreen.tsx';
import { InzetScreen } from '../screens/inzet/InzetScreen.tsx';
import { KetenpartnersScreen } from '../screens/ketenpartners/KetenpartnersScreen.tsx';
import { PersonFormScreen } from '../screens/persons/PersonFormScreen.tsx';
import { PersonPage } from '../screens/persons/PersonPage.tsx';
import { PersonsScreen } from '../screens/persons/PersonsScreen.tsx';
import { ProfileEditor } from '../screens/profiles/ProfileEditor.tsx';
import { ProfilesScreen } from '../screens/profiles/ProfilesScreen.tsx';
import { ScholingScreen } from '../screens/scholing/ScholingScreen.tsx';
import { SettingsScreen } from '../screens/settings/SettingsScreen.tsx';
import { InboxMenuLink } from '../screens/sync/InboxMenuLink.tsx';
import { InboxScreen } from '../screens/sync/InboxScreen.tsx';
import { StatusLine } from '../screens/sync/StatusLine.tsx';
import { SyncStatusProvider } from '../screens/sync/sync-status.tsx';
import { VerantwoordingScreen } from '../screens/verantwoording/VerantwoordingScreen.tsx';
import { MatchRequestScreen } from '../screens/verdeling/MatchRequestScreen.tsx';
import { VerdelingScreen } from '../screens/verdeling/VerdelingScreen.tsx';
import { ErrorBoundary } from './ErrorReport.tsx';
import { NotFound } from './NotFound.tsx';

/** The main menu: each item shown only to roles whose calls it needs. */
const menu: { path: string; label: string; needs: CallName }[] = [
  // Every role has its own start screen (attention/StartScreen.tsx); any logged-in account may list its colleagues.
  { path: '/start', label: 'Start', needs: 'accounts.staff' },
  { path: '/personen', label: 'Sleutelpersonen', needs: 'persons.list' },
  { path: '/caseload', label: 'Caseload', needs: 'begeleiding.caseload' },
  { path: '/intervisie', label: 'Intervisie', needs: 'intervisie.list' },
  { path: '/scholing', label: 'Scholing', needs: 'scholing.catalogue' },
  { path: '/aanvragen', label: 'Aanvragen', needs: 'aanvragen.list' },
  { path: '/ketenpartners', label: 'Ketenpartners', needs: 'ketenpartners.list' },
  { path: '/verdeling', label: 'Verdeling', needs: 'verdeling.overview' },
  { path: '/inzet', label: 'Inzet', needs: 'inzet.list' },
  { path: '/declaraties', label: 'Declaraties', needs: 'claims.list' },
  { path: '/verantwoording', label: 'Verantwoording', needs: 'verantwoording.report' },
  { path: '/profielen', label: 'Functieprofielen', needs: 'profiles.list' },
  { path: '/audit', label: 'Auditlog', needs: 'audit.list' },
  { path: '/bewaartermijnen', label: 'Bewaartermijnen', needs: 'avg.retention' },
  { path: '/accounts', label: 'Accounts', needs: 'accounts.list' },
  { path: '/instellingen', label: 'Instellingen', needs: 'settings.update' },
  { path: '/reservekopieen', label: 'Reservekopieën', needs: 'backups.overview' },
];

function screenFor(route: string[]): ReactNode {
  const [area, id, action, arg, value] = route;
  switch (area) {
    case undefined:
      return <StartScreen />;
    case 'start':
      return <StartScreen />;
    case 'caseload':
      return <CaseloadScreen />;
    case 'aanvragen':
      return id ? <RequestPage requestId={id} /> : <AanvragenScreen />;
    case 'ketenpartners':
      return <KetenpartnersScreen tab={id ?? 'partners'} />;
    case 'declaraties':
      return <ClaimsScreen />;
    case 'verdeling':
      if (id === 'aanvraag' && action) return <MatchRequestScreen requestId={action} />;
      return id ? <NotFound /> : <VerdelingScreen />;
    case 'inzet':
      return <InzetScreen />;
    case 'intervisie':
      return <IntervisieScreen />;
    case 'verantwoording':
      return <VerantwoordingScreen />;
    case 'scholing':
      return <ScholingScreen tab={id ?? 'aanbod'} sessionId={action ?? null} />;
    case 'profielen':
      if (id === 'nieuw') return <ProfileEditor profileId={null} versie={null} />;
      if (id)
        return <ProfileEditor profileId={id} versie={action === 'versie' && arg ? Number(arg) : null} />;
      return <ProfilesScreen />;
    case 'contracten':
      return id ? <ContractScreen contractId={id} /> : <NotFound />;
    case 'personen':
      if (id === 'nieuw') return <PersonFormScreen personId={null} />;
      if (id && action === 'bewerken') return <PersonFormScreen personId={id} />;
      if (id && action === 'contract-nieuw')
        return <NewContractScreen personId={id} fromId={arg === 'van' ? (value ?? null) : null} />;
      if (id) return <PersonPage personId={id} tab={action ?? 'gegevens'} />;
      return <PersonsScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'bewaartermijnen':
      return <RetentionScreen />;
    case 'accounts':
      return <AccountsScreen />;
    case 'instellingen':
      return <SettingsScreen />;
    case 'reservekopieen':
      return <BackupsScreen />;
    case 'te-verwerken':
      return <InboxScreen />;
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
  const current = `/${route[0] ?? 'start'}`;

  return (
    <SyncStatusProvider>
      <AppShell navbar={{ width: 230, breakpoint: 0 }} padding="lg">
        <UnsavedChangesDialog />
        <AppShell.Navbar p="sm" aria-label="Hoofdmenu">
          <AppShell.Section>
            <Title order={2} size="h3" px="xs">
              Schakel
            </Title>
            <Text size="xs" c="dimmed" px="xs" mb="md" lineClamp={2}>
              {organisatieNaam}
            </Text>
          </AppShell.Section>
          {/* The menu scrolls on its own on a low window; who is logged in and Uitloggen stay in view below it. */}
          <AppShell.Section grow component={ScrollArea} type="auto" offsetScrollbars>
            {menu
              .filter((m) => can(m.needs))
              .map((m) => (
                <Fragment key={m.path}>
                  <NavLink
                    href={href(m.path)}
                    label={m.label}
                    py={6}
                    active={current === m.path}
                    aria-current={current === m.path ? 'page' : undefined}
                  />
                  {/* What waits for the user comes right after their start screen. */}
                  {m.path === '/start' && <InboxMenuLink current={current} />}
                </Fragment>
              ))}
          </AppShell.Section>
          <AppShell.Section pt="xs">
            <StatusLine />
            <Text size="sm" fw={600} px="xs">
              {account.displayName}
            </Text>
            <Group gap={4} mb="xs" px="xs">
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
              py={6}
              active={current === '/wachtwoord'}
            />
            <NavLink component="button" label="Uitloggen" py={6} onClick={() => confirmLeave(logout)} />
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main>
          <Box maw={1400}>
            {/* A screen that fails leaves the menu usable; going to another address tries again. */}
            <ErrorBoundary resetKey={route.join('/')}>{screenFor(route)}</ErrorBoundary>
          </Box>
        </AppShell.Main>
      </AppShell>
    </SyncStatusProvider>
  );
}
