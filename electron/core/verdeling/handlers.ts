/**
 * Verdeling: proposals for a request and the pool's load. Both only read; the coordinator's pick is the aanvragen
 * area's write (aanvragen.match).
 */
import type { AreaHandlers } from '../registry.ts';
import { loadOverview } from './overview.ts';
import { matchProposals } from './proposals.ts';

export const verdelingHandlers = {
  'verdeling.proposals': (ctx, input) => matchProposals(ctx, input.requestId),
  'verdeling.overview': (ctx, input) => loadOverview(ctx.db, input),
} satisfies AreaHandlers<'verdeling'>;
