import { Stack, Tabs, Title } from '@mantine/core';
import { navigate } from '../../lib/route.ts';
import { CatalogueView } from './CatalogueView.tsx';
import { SessionsView } from './SessionsView.tsx';

/** Scholing: the trainingsaanbod and the group trainings planned from it. */
export function ScholingScreen({ tab, sessionId }: { tab: string; sessionId: string | null }) {
  return (
    <Stack>
      <Title order={1} size="h2">
        Scholing
      </Title>
      <Tabs value={tab === 'groepen' ? 'groepen' : 'aanbod'} onChange={(v) => navigate(`/scholing/${v}`)}>
        <Tabs.List>
          <Tabs.Tab value="aanbod">Trainingsaanbod</Tabs.Tab>
          <Tabs.Tab value="groepen">Groepstrainingen</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="aanbod" pt="md">
          <CatalogueView />
        </Tabs.Panel>
        <Tabs.Panel value="groepen" pt="md">
          <SessionsView highlight={sessionId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
