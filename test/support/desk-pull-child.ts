/**
 * The desk side of the desk-crash test: a desk in team mode on its own data folder pulls from the Schakel server
 * over HTTPS, in small pages, until nothing more waits. It prints `asked <since>` before each request (the cursor
 * its last page committed) and `done <cursor>` at the end; the test kills it with SIGKILL at random moments.
 * Arguments: data folder, then a JSON of { url, fingerprint, credentials, pageRows }.
 */
import { startCore } from '../../electron/core/app-core.ts';
import { pullInto } from '../../electron/core/sync/desk-pull.ts';
import { type DeskCredentials, serverClient } from '../../electron/core/sync/server-client.ts';
import { testKey } from './harness.ts';

const [dir, json] = process.argv.slice(2) as [string, string];
const { url, fingerprint, credentials, pageRows } = JSON.parse(json) as {
  url: string;
  fingerprint: string;
  credentials: DeskCredentials;
  pageRows: number;
};

const core = await startCore(dir, { key: testKey, team: true });
const client = serverClient({ url, fingerprint });
const summary = await pullInto(core.dispatcher, async (since) => {
  process.stdout.write(`asked ${since}\n`);
  const page = await client.pull(credentials, since, pageRows);
  if (!page.ok) throw new Error(page.error.message);
  return page.value;
});
await core.close();
process.stdout.write(`done ${summary.cursor}\n`);
