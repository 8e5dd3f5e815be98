import type { AreaHandlers } from '../registry.ts';
import { listAudit } from './read.ts';

export const auditHandlers = {
  'audit.list': (ctx, input) => listAudit(ctx.db, input, ctx.account),
} satisfies AreaHandlers<'audit'>;
