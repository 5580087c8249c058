/**
 * Nobody logged in: the login page, or, on a workspace with no users yet, the first run's set-up
 * (GET /api/setup answers 404 once there is a user, and then only the login is offered).
 */
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { LoginPage } from '../LoginPage';
import { SetupPage } from './SetupPage';
import type { SetupOptions } from '../../../api/index.js';

export function LoginOrSetup() {
  const [setup, setSetup] = useState<SetupOptions | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    api.get<SetupOptions>('/setup').then(
      (s) => live && setSetup(s),
      () => live && setSetup(null),
    );
    return () => {
      live = false;
    };
  }, []);
  if (setup === undefined)
    return (
      <p className="loading" role="status">
        Loading…
      </p>
    );
  return setup === null ? <LoginPage /> : <SetupPage options={setup} />;
}
