/**
 * The desk's link with a Schakel server, as the core runs it: whether this computer works as a team (a device
 * stored in sync_state, read at start), its background rounds of sync (desk-runner.ts, desk-round.ts), the status
 * line, connecting (desk-connect.ts), each user's sign-in at the server, the beheerder's calls about the desks
 * (desk-beheer.ts), and the end of it all when the beheerder revoked this computer: its copy is wiped and it works
 * on its own again.
 */
import type { z } from 'zod';
import type { Result } from '../../../shared/result.ts';
import type { SessionAccount } from '../../../shared/roles.ts';
import type { BeheerCall, ConnectResult, connectInput, LinkState, SyncStatus } from '../../../shared/sync.ts';
import { writeAudit } from '../audit/record.ts';
import type { LinkControl } from '../context.ts';
import type { Dispatcher } from '../dispatcher.ts';
import { Failure } from '../failure.ts';
import type { AppLog } from '../log/app-log.ts';
import type { Sessions } from '../sessions.ts';
import type { SqliteStore } from '../store/store.ts';
import type { CommandRecorder } from './command-recorder.ts';
import { askServer, beheerRefusals } from './desk-beheer.ts';
import { auditConnection, linkComputer, type Pairing, pairAndSignIn } from './desk-connect.ts';
import { fileFromServer, fileRefusals } from './desk-files.ts';
import { type DeskLink, readLink, readPulledAt, readTokens, storeDeviceKey } from './desk-link-state.ts';
import { teamRecorder } from './desk-outbox.ts';
import { type Credentials, syncRound } from './desk-round.ts';
import { DeskRunner, type RoundOutcome, type Timers } from './desk-runner.ts';
import { signInAtServer } from './desk-sign-in.ts';
import { installUndoCapture, removeUndoCapture } from './desk-undo.ts';
import { uploadableRows } from './desk-upload.ts';
import { wipeStore } from './desk-wipe.ts';
import { deviceRefusals } from './device-auth.ts';
import { type DeviceKeyVault, KeyElsewhere } from './device-key-vault.ts';
import { ServerRefusal } from './server-refusal.ts';

export interface LinkDeps {
  dispatcher: () => Dispatcher<SqliteStore>;
  sessions: Sessions;
  clock: () => Date;
  timers: Timers;
  log: AppLog;
  /** Record commands even without a link (a test's desk that pushes and pulls by hand). */
  team: boolean;
  /** Where the device key is kept: the keychain under Electron, the store otherwise (device-key-vault.ts). */
  vault: DeviceKeyVault;
}

const messages = {
  alreadyLinked:
    'Deze computer is al gekoppeld aan een server. Er is niets gewijzigd. Wil je een andere server, vraag dan de beheerder van de server deze computer in te trekken.',
  connecting: 'Deze computer wordt op dit moment al gekoppeld. Er is niets gewijzigd.',
  notSignedIn:
    'Je bent nog niet aangemeld bij de server. Je wijzigingen blijven op deze computer bewaard en gaan mee zodra dat lukt.',
};

export class LinkService implements LinkControl {
  private readonly deps: LinkDeps;
  private link: DeskLink | null;
  private runner: DeskRunner | null = null;
  /** Passwords of users signed in here who have no server token yet: memory only, until a token comes. */
  private readonly waiting = new Map<string, Credentials>();
  /** The user who signed in here last: the pull is made as them. */
  private lastUser: string | null = null;
  private verbinding: Exclude<LinkState, 'bezig' | 'niet-aangemeld'> = 'offline';
  private melding: string | null = null;
  private busy = false;
  private voortgang: SyncStatus['voortgang'] = null;
  /** The accounts with a server token on this desk (as sync_state has them after the last round). */
  private tokenHolders = new Set<string>();
  private pairing: Pairing | null = null;
  private connecting = false;
  /**
   * A link whose device key only another keychain opens (Electron's, seen from the browser host): shown, and the
   * desk records its commands, but it makes no contact (this.link stays null).
   */
  private unopened: DeskLink | null = null;

  private constructor(deps: LinkDeps, link: DeskLink | null) {
    this.deps = deps;
    this.link = link;
  }

  /** The link as the store has it; a linked desk gets its capture triggers (again: a migration may add tables). */
  static async open(store: SqliteStore, deps: LinkDeps): Promise<LinkService> {
    const stored = await readLink(store.db);
    if (stored || deps.team) await installUndoCapture(store.db);
    const service = new LinkService(deps, null);
    if (stored) {
      try {
        service.link = { ...stored, deviceKey: deps.vault.open(stored.deviceKey) };
        if (!deps.vault.keeps(stored.deviceKey))
          await storeDeviceKey(store.db, deps.vault.seal(service.link.deviceKey));
      } catch (thrown) {
        if (!(thrown instanceof KeyElsewhere)) throw thrown;
        service.unopened = stored;
        service.melding = thrown.message;
      }
    }
    await service.readTokenHolders(store);
    return service;
  }

  private async readTokenHolders(store = this.deps.dispatcher().store): Promise<void> {
    this.tokenHolders = new Set((await readTokens(store.db)).keys());
  }

  /** Whether this desk records its commands for a server now; consulted by each write as it starts. */
  get team(): boolean {
    return this.deps.team || this.link !== null || this.unopened !== null;
  }

  /** For the dispatcher: records commands while in team mode, and has a round follow a write soon. */
  recorder(): CommandRecorder {
    return teamRecorder(
      () => this.team,
      () => this.runner?.written(),
    );
  }

  /** Starts the background rounds of a linked desk (the first at once). */
  start(): void {
    if (!this.link || this.runner) return;
    this.runner = new DeskRunner(() => this.round(), this.deps.timers);
    this.runner.start();
  }

  /** Resolves when no round runs (for a test, and before closing). */
  async settled(): Promise<void> {
    await this.runner?.settled();
  }

  async stop(): Promise<void> {
    await this.runner?.stop();
  }

  async status(account: SessionAccount): Promise<SyncStatus> {
    const db = this.deps.dispatcher().store.db;
    const count = async (query: Promise<{ n: string | number | bigint } | undefined>) =>
      Number((await query)?.n ?? 0);
    const link = this.link ?? this.unopened;
    let verbinding: LinkState = this.verbinding;
    if (link && !this.tokenHolders.has(account.id)) verbinding = 'niet-aangemeld';
    else if (link && this.busy) verbinding = 'bezig';
    return {
      mode: link ? 'team' : 'alleen',
      server: link
        ? {
            url: link.url,
            fingerprint: link.fingerprint,
            organisatie: link.organisatie,
            apparaat: link.apparaat,
            apparaatId: link.deviceId,
          }
        : null,
      verbinding,
      wachtend: await count(
        db
          .selectFrom('sync_outbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst(),
      ),
      teVerwerken: await count(
        db
          .selectFrom('sync_inbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('account_id', '=', account.id)
          .where('resolved_at', 'is', null)
          .executeTakeFirst(),
      ),
      bijgewerktOm: link ? await readPulledAt(db) : null,
      voortgang: link ? this.voortgang : null,
      melding: this.melding ?? (verbinding === 'niet-aangemeld' ? messages.notSignedIn : null),
      eigenGegevens: link ? 0 : await uploadableRows(db, account.id),
    };
  }

  notice(): string | null {
    return this.verbinding === 'ingetrokken' ? this.melding : null;
  }

  async syncNow(account: SessionAccount): Promise<SyncStatus> {
    await this.runner?.now();
    return this.status(account);
  }

  async signInAtServer(
    credentials: { username: string; password: string },
    refused: Failure,
  ): Promise<SessionAccount> {
    if (!this.link) throw refused;
    const store = this.deps.dispatcher().store;
    const account = await signInAtServer(
      store,
      this.link,
      credentials,
      refused,
      this.deps.clock().toISOString(),
    );
    await this.readTokenHolders(store);
    this.lastUser = account.id;
    void this.runner?.now();
    return account;
  }

  signedIn(account: SessionAccount, password: string): void {
    this.lastUser = account.id;
    if (!this.link || this.tokenHolders.has(account.id)) return;
    this.waiting.set(account.id, { username: account.username, password });
    void this.runner?.now();
  }

  async atServer(call: BeheerCall, input: unknown, account: SessionAccount): Promise<Result<unknown>> {
    const link = this.link;
    // Not a fault of the moment (as unavailable would say): this computer works without a server.
    if (!link) throw new Failure('invalid_input', beheerRefusals.alone);
    const token = (await readTokens(this.deps.dispatcher().store.db)).get(account.id);
    return askServer(link, token, call, input, () => void this.runner?.now());
  }

  async file(sha256: string, account: SessionAccount | null): Promise<Buffer> {
    const db = this.deps.dispatcher().store.db;
    const tokens = await readTokens(db);
    // As the user who opens it, or else as whom this desk pulls: the server hands it to who may read its row.
    const token =
      (account ? tokens.get(account.id) : undefined) ??
      (this.lastUser ? tokens.get(this.lastUser) : undefined) ??
      [...tokens.values()][0];
    if (!this.link || token === undefined) throw new Failure('unavailable', fileRefusals.notHere);
    return fileFromServer(db, this.link, token, sha256);
  }

  async connect(input: z.output<typeof connectInput>, account: SessionAccount): Promise<ConnectResult> {
    if (this.link || this.unopened) throw new Failure('invalid_input', messages.alreadyLinked);
    if (this.connecting) throw new Failure('unavailable', messages.connecting);
    this.connecting = true;
    try {
      const { link, signedIn } = await pairAndSignIn(input, this.pairing, (made) => {
        this.pairing = made;
      });
      const store = this.deps.dispatcher().store;
      const now = this.deps.clock().toISOString();
      const meegenomen = await linkComputer(
        store,
        { ...link, deviceKey: this.deps.vault.seal(link.deviceKey) },
        signedIn,
        input.meenemen ? { accountId: account.id, now } : null,
      );
      // The accounts signed in here are gone with the rest: everyone signs in again with their server account.
      this.deps.sessions.clearAll();
      this.link = link;
      this.pairing = null;
      this.lastUser = signedIn.account.id;
      this.verbinding = 'offline';
      this.melding = null;
      await installUndoCapture(store.db);
      await this.readTokenHolders();
      this.start();
      await this.runner?.now();
      await auditConnection(store, link, signedIn, now, input.meenemen ? meegenomen : null);
      this.deps.log.info('sync.connected', { call: 'sync.connect' });
      return { organisatie: link.organisatie, meegenomen };
    } finally {
      this.connecting = false;
    }
  }

  private async round(): Promise<RoundOutcome> {
    const link = this.link;
    if (!link) return 'stop';
    this.busy = true;
    try {
      const report = await syncRound({
        dispatcher: this.deps.dispatcher(),
        link,
        clock: this.deps.clock,
        waiting: this.waiting,
        preferred: this.lastUser,
        progress: (voortgang) => {
          this.voortgang = voortgang;
        },
      });
      this.verbinding = 'online';
      this.melding = report.refusedSignIn;
      return 'ok';
    } catch (thrown) {
      if (thrown instanceof ServerRefusal && thrown.error.code === 'device_revoked') {
        await this.revoked(thrown.error.message);
        return 'stop';
      }
      this.verbinding = 'offline';
      this.melding =
        thrown instanceof ServerRefusal
          ? thrown.error.message
          : 'Bijwerken met de server lukte niet door een fout in Schakel. Je wijzigingen blijven bewaard; het wordt zo opnieuw geprobeerd.';
      this.deps.log.warn('sync.offline', thrown instanceof ServerRefusal ? { code: thrown.error.code } : {});
      return 'failed';
    } finally {
      await this.readTokenHolders();
      this.busy = false;
      this.voortgang = null;
    }
  }

  /**
   * The beheerder revoked this computer: everything of Schakel in its store goes (records, outbox, inbox, undo
   * log, link and tokens), everyone is signed out, and it works on its own again, as a fresh install.
   */
  private async revoked(message: string): Promise<void> {
    const store = this.deps.dispatcher().store;
    const now = this.deps.clock().toISOString();
    await store.db.transaction().execute(async (transaction) => {
      await wipeStore(transaction);
      await removeUndoCapture(transaction);
      await writeAudit(transaction, {
        call: 'sync.revoked',
        now,
        accountId: null,
        input: {},
        context: JSON.stringify({ now, ids: [] }),
        records: [
          {
            recordType: 'werkplek',
            recordId: this.link?.deviceId ?? '',
            recordVersion: null,
            summary:
              'Deze computer is door de beheerder van de server ingetrokken; de gegevens van Schakel erop zijn gewist',
            changes: [],
          },
        ],
      });
    });
    this.link = null;
    this.runner = null;
    this.waiting.clear();
    this.lastUser = null;
    this.verbinding = 'ingetrokken';
    this.melding = message || deviceRefusals.revoked;
    this.deps.sessions.clearAll();
    this.deps.log.warn('sync.revoked', { code: 'device_revoked' });
  }
}
