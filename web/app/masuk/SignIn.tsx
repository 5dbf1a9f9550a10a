'use client';

import type { DevLoginResponse, Role } from '@sinergi/shared/schemas';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { ErrorNotice, Field, PageTitle } from '../../components/ui';
import { ApiError, api } from '../../lib/api';
import { ROLE_LABELS } from '../../lib/labels';
import { homeOf, setSession } from '../../lib/session';

const ROLES: Role[] = ['business', 'corporate', 'university', 'community', 'admin'];

/** Seeded accounts: dev-login with the same role and name returns the same account and its data. */
const DEMO: { role: Role; name: string; label: string }[] = [
  { role: 'business', name: 'umkm-0001', label: 'UMKM umkm-0001' },
  { role: 'business', name: 'umkm-0002', label: 'UMKM umkm-0002' },
  { role: 'corporate', name: 'corporate-001', label: 'Korporasi corporate-001' },
  { role: 'university', name: 'university-001', label: 'Universitas university-001' },
  { role: 'community', name: 'community-001', label: 'Komunitas community-001' },
  { role: 'admin', name: 'admin', label: 'Admin' },
];

/** Demo sign-in (local stack only): a role and a name make an account; the token stays in this tab. */
export function SignIn() {
  const router = useRouter();
  const [role, setRole] = useState<Role>('business');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

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
      <PageTitle t={['Masuk', 'Sign in']} />
      <p className="lead">
        Mode demo: pilih peran dan tulis nama. Nama yang sama selalu membuka akun yang sama.
      </p>
      <p className="lead lead--en" lang="en">
        Demo mode: choose a role and a name. The same name always opens the same account.
      </p>
      <form className="form" onSubmit={onSubmit} aria-label="Masuk / Sign in">
        <fieldset className="choices">
          <legend className="field__label">
            Peran <span className="bi-en">/ Role</span>
          </legend>
          {ROLES.map((r) => (
            <label key={r} className="choice">
              <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
              {ROLE_LABELS[r][0]}{' '}
              <span className="bi-en" lang="en">
                / {ROLE_LABELS[r][1]}
              </span>
            </label>
          ))}
        </fieldset>
        <Field label={['Nama', 'Name']} error={fieldErrors.name}>
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
          <ErrorNotice error={error} title={['Gagal masuk', 'Sign-in failed']} />
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Memproses…' : 'Masuk'} <span lang="en">/ {busy ? 'Working…' : 'Sign in'}</span>
        </button>
      </form>

      <h2 className="subhead">
        Akun demo
        <span className="heading-en" lang="en">
          Demo accounts with seeded data
        </span>
      </h2>
      <ul className="chips">
        {DEMO.map((d) => (
          <li key={`${d.role}-${d.name}`}>
            <button
              type="button"
              className="chip"
              disabled={busy}
              onClick={() => void signIn(d.role, d.name)}
            >
              {d.label}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
