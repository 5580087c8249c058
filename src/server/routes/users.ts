/** Users, for their organisations' administrators: POST /users/:username/unlock ends a login lockout (issue 13). */
import { Hono } from 'hono';
import { inputError } from '../../errors.js';
import { unlockLogins, type Store } from '../../store/index.js';
import type { ServerOptions } from '../options.js';
import { actorOf, type AppEnv } from '../session.js';

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function userRoutes(store: Store, options: ServerOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/users/:username/unlock', async (c) => {
    const actor = actorOf(c);
    const username = c.req.param('username');
    if (!USERNAME.test(username))
      throw inputError(`"${username.slice(0, 100)}" is not a username.`, {
        fields: [{ field: 'username', message: 'not a username' }],
      });
    await unlockLogins(store, actor, username, options.now());
    return c.json({ unlocked: username });
  });
  return app;
}
