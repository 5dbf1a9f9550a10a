'use client';

import type { DevLoginResponse, Role, SiteAuthConfig } from '@sinergi/shared/schemas';
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorNotice, Field, Loading } from '../../components/ui';
import { ApiError, api } from '../../lib/api';
import { useT } from '../../lib/i18n/locale';
import { loadSiteConfig } from '../../lib/runtime-config';
import { homeOf, setSession } from '../../lib/session';

const ROLES: Role[] = ['business', 'corporate', 'university', 'community', 'admin'];

/**
 * Seeded accounts: dev-login with the same role and name returns the same account and its data. Each is
 * shown as its role in the chosen language and its name ("Korporasi corporate-001"); the admin as "Admin".
 */
const DEMO: { role: Role; name: string }[] = [
  { role: 'business', name: 'umkm-0001' },
  { role: 'business', name: 'umkm-0002' },
  { role: 'corporate', name: 'corporate-001' },
  { role: 'university', name: 'university-001' },
  { role: 'community', name: 'community-001' },
  { role: 'admin', name: 'admin' },
];

/**
 * A demo account's button: "UMKM umkm-0001" (the acronym the site uses in both languages), "Korporasi
 * corporate-001" / "Corporate corporate-001", "Admin".
 */
function demoLabel(role: Role, name: string, roles: Readonly<Record<Role, string>>): string {
  if (role === 'admin') return 'Admin';
  return `${role === 'business' ? 'UMKM' : roles[role]} ${name}`;
}

/** The provider's sign-in, with oidc-client-ts, is loaded only when config.json names a provider. */
const ProviderSignIn = dynamic(() => import('./ProviderSignIn').then((m) => m.ProviderSignIn), {
  loading: () => <Loading />,
});

/**
 * "Masuk": the real sign-in through the OpenID provider when config.json names one (Cognito's managed
 * login on AWS), the demo sign-in of the local stack otherwise.
 */
export function SignIn() {
  const [auth, setAuth] = useState<SiteAuthConfig>();
  useEffect(() => {
    void loadSiteConfig().then((c) => setAuth(c.auth));
  }, []);
  if (!auth) return <Loading />;
  return auth.mode === 'oidc' ? <ProviderSignIn config={auth} /> : <DemoSignIn />;
}

/** Demo sign-in (local stack only): a role and a name make an account; the token stays in this tab. */
function DemoSignIn() {
  const router = useRouter();
  const [role, setRole] = useState<Role>('business');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const t = useT();

  async function signIn(r: Role, n: string) {
    setBusy(true);
    setError(undefined);
    try {
      const res = await api<DevLoginResponse>('POST', '/api/auth/dev-login', { role: r, name: n.trim() });
      setSession({ token: res.token, user: res.user });
      router.push(homeOf(res.user.role));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void signIn(role, name);
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};
  return (
    <>
      <h1 className="page-title">{t.signIn.title}</h1>
      <p className="lead">{t.signIn.lead}</p>
      <form className="form" onSubmit={onSubmit} aria-label={t.signIn.title}>
        <fieldset className="choices">
          <legend className="field__label">{t.signIn.role}</legend>
          {ROLES.map((r) => (
            <label key={r} className="choice">
              <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
              {t.role[r]}
            </label>
          ))}
        </fieldset>
        <Field label={t.signIn.name} error={fieldErrors.name}>
          {(p) => (
            <input
              {...p}
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              minLength={1}
              maxLength={120}
              autoComplete="username"
            />
          )}
        </Field>
        {error !== undefined && Object.keys(fieldErrors).length === 0 && (
          <ErrorNotice error={error} title={t.signIn.failed} />
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? t.signIn.working : t.signIn.submit}
        </button>
      </form>

      <h2 className="subhead">{t.signIn.demo}</h2>
      <ul className="chips">
        {DEMO.map((d) => (
          <li key={`${d.role}-${d.name}`}>
            <button
              type="button"
              className="chip"
              disabled={busy}
              onClick={() => void signIn(d.role, d.name)}
            >
              {demoLabel(d.role, d.name, t.role)}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
