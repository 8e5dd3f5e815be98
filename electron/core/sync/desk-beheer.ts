/**
 * The beheerder's calls about the server's desks (the list, a pairing code, revoking one), made on a linked desk:
 * asked of the server at once over the pinned connection, with the device key and the beheerder's own token, and
 * run there through its dispatcher as that account. Nothing is queued: these are live actions, and offline the
 * beheerder is told so and tries again later.
 */
import type { CallInput } from '../../../shared/contract.ts';
import type { AppError, Result } from '../../../shared/result.ts';
import type { BeheerCall } from '../../../shared/sync.ts';
import { Failure } from '../failure.ts';
import type { DeskLink } from './desk-link-state.ts';
import { clientRefusals, serverClient } from './server-client.ts';

export const beheerRefusals = {
  alone:
    'Werkplekken en koppelcodes beheer je alleen als deze computer met een server werkt. Er is niets gewijzigd.',
  notSignedIn:
    'Je bent nog niet aangemeld bij de server, dus dit kan nu niet. Dat gebeurt vanzelf zodra de server bereikbaar is; probeer het daarna opnieuw.',
  unreachable:
    'De server is niet bereikbaar, dus dit kan nu niet. Er is niets gewijzigd; probeer het opnieuw zodra er verbinding is.',
  timeout:
    'De server antwoordde niet op tijd. Misschien is het toch gelukt: bekijk de lijst van werkplekken en probeer het zo nodig opnieuw.',
};

/**
 * Codes that mean something else on the desk's own boundary (the window would sign its user out, or lock): from
 * the server they only say that this call could not be made now.
 */
const serverOnlyCodes = new Set(['unauthenticated', 'locked', 'device_revoked', 'protocol_mismatch']);

/**
 * The server's answer to `call`. `learned` is told when the answer says something the desk's next round must act
 * on (this computer revoked, the beheerder's token no longer taken).
 */
export async function askServer(
  link: DeskLink,
  userToken: string | undefined,
  call: BeheerCall,
  input: unknown,
  learned: () => void,
): Promise<Result<unknown>> {
  if (userToken === undefined) throw new Failure('unavailable', beheerRefusals.notSignedIn);
  const desk = { deviceId: link.deviceId, deviceKey: link.deviceKey, userToken };
  const answer = await serverClient(link).beheer(desk, call, input as CallInput<BeheerCall>);
  if (answer.ok) return answer;
  if (answer.error.code === 'unauthenticated' || answer.error.code === 'device_revoked') learned();
  return { ok: false, error: asDeskError(answer.error) };
}

function asDeskError(error: AppError): AppError {
  if (error.message === clientRefusals.unreachable)
    return { code: 'unavailable', message: beheerRefusals.unreachable };
  if (error.message === clientRefusals.timeout)
    return { code: 'unavailable', message: beheerRefusals.timeout };
  return serverOnlyCodes.has(error.code) ? { code: 'unavailable', message: error.message } : error;
}
