import { Stack, Title } from '@mantine/core';
import { scholingAttentionKinds } from '../../../../shared/attention.ts';
import { useSession } from '../../lib/session.tsx';
import { AdminStart } from './AdminStart.tsx';
import { AttentionList } from './AttentionList.tsx';
import { GuideStart } from './GuideStart.tsx';

/** Each role's own start: what needs doing today, each line with the step that resolves it. */
export function StartScreen() {
  const { account } = useSession();
  return (
    <Stack>
      <Title order={1} size="h2">
        Goedendag, {account.displayName.split(' ')[0]}
      </Title>
      {account.role === 'begeleider' ? (
        <>
          <GuideStart />
          {/* Begeleiders keep the trainings too: who is due one, whose certificate runs out. */}
          <AttentionList kinds={scholingAttentionKinds} />
        </>
      ) : account.role === 'administrateur' ? (
        <AdminStart />
      ) : (
        <AttentionList />
      )}
    </Stack>
  );
}
