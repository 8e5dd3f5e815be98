import { migration0001 } from './0001-initial.ts';
import { migration0002 } from './0002-person-search-columns.ts';
import { migration0003 } from './0003-profiles-and-contracts.ts';
import { migration0004 } from './0004-begeleiding.ts';
import { migration0005 } from './0005-declaraties.ts';
import { migration0006 } from './0006-payout-batches.ts';
import { migration0007 } from './0007-retention.ts';
import { migration0008 } from './0008-session-lock.ts';
import { migration0009 } from './0009-claim-minutes.ts';
import { migration0010 } from './0010-renamed-calls.ts';
import { migration0011 } from './0011-vog-renewal.ts';
import { migration0012 } from './0012-catalan-search.ts';
import { migration0013 } from './0013-granted-allowance.ts';
import { migration0014 } from './0014-scholing.ts';
import { migration0015 } from './0015-doorgroei.ts';
import { migration0016 } from './0016-inzet.ts';
import { migration0017 } from './0017-verantwoording.ts';
import { migration0018 } from './0018-sync.ts';
import { migration0019 } from './0019-desk-sync.ts';
import { migration0020 } from './0020-audit-device.ts';
import { migration0021 } from './0021-blob-hashes.ts';
import { migration0022 } from './0022-login-failures.ts';
import type { Migration } from './types.ts';

/**
 * Every migration in order. Append only: a shipped step is never removed, and edited only to run on PostgreSQL as
 * well while producing on SQLite byte for byte the schema it always did (sqlite-schema.test.ts holds that).
 */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
  migration0019,
  migration0020,
  migration0021,
  migration0022,
];
