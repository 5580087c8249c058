/**
 * The error a promise is refused with, for tests that check a refusal's code and message:
 * `expect((await refusal(updateRisk(...))).code).toBe('CONFLICT')`. Fails the test when the
 * promise succeeds or is refused with anything but a StraError.
 */
import { StraError } from '../src/errors.js';

export async function refusal(p: Promise<unknown>): Promise<StraError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof StraError)) throw new Error(`expected a StraError, got ${String(err)}`);
  return err;
}
