/**
 * Reading a new password: from standard input when it is not a terminal (scripts:
 * `echo "$PW" | stra user password alice --as admin`), otherwise typed twice at a prompt that does
 * not echo. Never from a command-line argument, which other users of the machine can see.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { usageError } from '../errors.js';

export async function readNewPassword(prompt = 'New password: '): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const first = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
    if (first === '')
      throw usageError(
        'No password on standard input: pipe it in, e.g. `printf "%s\\n" "$PASSWORD" | stra user password alice`.',
      );
    return first;
  }
  const once = await hiddenPrompt(prompt);
  const again = await hiddenPrompt('Again: ');
  if (once !== again) throw usageError('The two passwords differ; nothing was changed.');
  return once;
}

function hiddenPrompt(prompt: string): Promise<string> {
  process.stderr.write(prompt);
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  return new Promise((resolve) =>
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    }),
  );
}
