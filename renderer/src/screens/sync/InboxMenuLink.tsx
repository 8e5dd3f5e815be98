import { Badge, NavLink, VisuallyHidden } from '@mantine/core';
import { href } from '../../lib/route.ts';
import { useSyncStatus } from './sync-status.tsx';

export const inboxPath = '/te-verwerken';

/** 'Te verwerken' in the menu with its open items: in team mode, or wherever items wait (after leaving a team). */
export function InboxMenuLink({ current }: { current: string }) {
  const { status } = useSyncStatus();
  if (!status || (status.mode !== 'team' && status.teVerwerken === 0)) return null;
  const open = status.teVerwerken;
  const active = current === inboxPath;
  return (
    <NavLink
      href={href(inboxPath)}
      label="Te verwerken"
      py={6}
      active={active}
      aria-current={active ? 'page' : undefined}
      rightSection={
        open > 0 ? (
          // Read as 'Te verwerken 2 open'.
          <Badge size="sm" color="orange" variant="filled" circle={open < 10}>
            {open}
            <VisuallyHidden> open</VisuallyHidden>
          </Badge>
        ) : null
      }
    />
  );
}
