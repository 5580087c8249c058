import { Command } from 'commander';
import { usageError } from '../../errors.js';
import { command } from './common.js';
import { note, printJson, printTable, wantsJson } from '../output.js';
import { actingUser, collect, withActing, withActor, withStore, type StoreOptions } from './store-context.js';

interface AddOptions extends StoreOptions {
  readonly name: string;
  readonly clearance: string;
  readonly member?: string[];
  readonly admin?: boolean;
  readonly org?: string;
}

const add = withActing(
  command('add', 'add a user with a clearance and memberships (the first user of a store: --admin)'),
)
  .argument('<username>', 'login name')
  .requiredOption('--name <display>', 'display name')
  .requiredOption('--clearance <marking>', 'OFFICIAL, OFFICIAL-SENSITIVE or SECRET')
  .option(
    '--member <org:role>',
    'membership, e.g. west-mercia:analyst (repeatable; roles: admin, analyst, approver, reader)',
    collect,
  )
  .option('--admin', 'make them an administrator of --org')
  .option('--org <id>', 'the organisation for --admin')
  .action(async (username: string, options: AddOptions) => {
    const memberships = (options.member ?? []).map((m) => {
      const [organisationId, role] = m.split(':');
      if (!organisationId || !role) throw usageError(`--member: '${m}' is not ORG:ROLE (e.g. west-mercia:analyst)`);
      return { organisationId, role };
    });
    if (options.admin) {
      if (!options.org) throw usageError('--admin needs --org ORG: the organisation they administer');
      memberships.push({ organisationId: options.org, role: 'admin' });
    }
    const { countUsers, createUser } = await import('../../store/index.js');
    const user = await withStore(options, async (store) => {
      const actor = (await countUsers(store)) === 0 ? null : await actingUser(store, options);
      if (actor === null) note('The store has no users yet: creating its first administrator.');
      return createUser(store, actor, {
        username,
        displayName: options.name,
        clearance: options.clearance,
        memberships,
      });
    });
    if (wantsJson(options)) printJson(user);
    else
      process.stdout.write(
        `Added ${user.username} (${user.clearance}): ${user.memberships.map((m) => `${m.role} in ${m.organisationId}`).join(', ') || 'no memberships'}\n`,
      );
  });

const list = withActing(command('list', 'list the users who share an organisation with you')).action(
  async (options: StoreOptions) => {
    const { listUsers } = await import('../../store/index.js');
    const users = await withActor(options, (store, actor) => listUsers(store, actor));
    if (wantsJson(options)) printJson(users);
    else
      printTable(
        users.map((u) => ({
          username: u.username,
          clearance: u.clearance,
          memberships: u.memberships.map((m) => `${m.organisationId}:${m.role}`).join(' '),
          name: u.displayName,
        })),
      );
  },
);

const grant = withActing(command('grant', 'give a user a role in an organisation you administer'))
  .argument('<username>')
  .argument('<org>')
  .argument('<role>', 'admin, analyst, approver or reader')
  .action(async (username: string, org: string, role: string, options: StoreOptions) => {
    const { addMembership } = await import('../../store/index.js');
    const user = await withActor(options, (store, actor) => addMembership(store, actor, username, org, role));
    if (wantsJson(options)) printJson(user);
    else
      process.stdout.write(
        `${user.username}: ${user.memberships.map((m) => `${m.role} in ${m.organisationId}`).join(', ')}\n`,
      );
  });

const password = withActing(
  command('password', "set a user's password for the web app (read from standard input, or typed at a prompt)"),
)
  .argument('<username>')
  .action(async (username: string, options: StoreOptions) => {
    const { readNewPassword } = await import('../password-input.js');
    const { hashPassword } = await import('../../auth/passwords.js');
    const { countUsers, setPasswordHash } = await import('../../store/index.js');
    const hash = await hashPassword(await readNewPassword(`New password for ${username}: `));
    await withStore(options, async (store) => {
      // Without --as, only a user who has no password yet can be given one (the first administrator).
      const actor =
        options.as === undefined && process.env.STRA_USER === undefined && (await countUsers(store)) > 0
          ? null
          : await actingUser(store, options);
      await setPasswordHash(store, actor, username, hash);
    });
    if (wantsJson(options)) printJson({ username, passwordSet: true });
    else process.stdout.write(`Password set for ${username}.\n`);
  });

/** Disabling or enabling logins: the user stays (their past work names them); disabling ends their sessions. */
function loginsCommand(name: 'disable' | 'enable', description: string) {
  return withActing(command(name, description))
    .argument('<username>')
    .action(async (username: string, options: StoreOptions) => {
      const { updateUser } = await import('../../store/index.js');
      await withActor(options, (store, actor) => updateUser(store, actor, username, { disabled: name === 'disable' }));
      if (wantsJson(options)) printJson({ username, disabled: name === 'disable' });
      else
        process.stdout.write(
          name === 'disable'
            ? `${username} can no longer log in; their sessions have ended.\n`
            : `${username} can log in again.\n`,
        );
    });
}

const disable = loginsCommand(
  'disable',
  "refuse a user's logins and end their sessions now (an administrator of every organisation they belong to)",
);
const enable = loginsCommand('enable', 'let a disabled user log in again');

const resetPasswordCommand = withActing(
  command(
    'reset-password',
    'set a new password for a user you administer (read from standard input, or typed at a prompt); their sessions go on until they log out or expire: add revoke-sessions to end them',
  ),
)
  .argument('<username>')
  .action(async (username: string, options: StoreOptions) => {
    const { readNewPassword } = await import('../password-input.js');
    const { hashPassword } = await import('../../auth/passwords.js');
    const { resetPassword } = await import('../../store/index.js');
    const hash = await hashPassword(await readNewPassword(`New password for ${username}: `));
    await withActor(options, (store, actor) => resetPassword(store, actor, username, hash));
    if (wantsJson(options)) printJson({ username, passwordSet: true });
    else process.stdout.write(`Password reset for ${username}.\n`);
  });

const revokeSessionsCommand = withActing(
  command('revoke-sessions', 'end every session of a user now (they can log in again)'),
)
  .argument('<username>')
  .action(async (username: string, options: StoreOptions) => {
    const { revokeSessions } = await import('../../store/index.js');
    const ended = await withActor(options, (store, actor) => revokeSessions(store, actor, username));
    if (wantsJson(options)) printJson({ username, sessionsEnded: ended });
    else process.stdout.write(`${ended} session${ended === 1 ? '' : 's'} of ${username} ended.\n`);
  });

export const userCommand = new Command('user')
  .description('users, clearances, memberships and passwords')
  .addCommand(add)
  .addCommand(list)
  .addCommand(grant)
  .addCommand(password)
  .addCommand(disable)
  .addCommand(enable)
  .addCommand(resetPasswordCommand)
  .addCommand(revokeSessionsCommand);
