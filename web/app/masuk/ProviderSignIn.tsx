'use client';

import type { Me, SiteAuthConfig } from '@sinergi/shared/schemas';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { ErrorNotice, PageTitle } from '../../components/ui';
import { ApiError } from '../../lib/api';
import { useT } from '../../lib/i18n/locale';
import { finishSignIn, isCallback, startSignIn } from '../../lib/oidc';
import { homeOf, setSession } from '../../lib/session';

type OidcConfig = Extract<SiteAuthConfig, { mode: 'oidc' }>;

/** Who the token belongs to, asked of the API with that token (the role comes from its groups). */
async function whoAmI(token: string): Promise<Me> {
  const reply = await fetch('/api/auth/me', {
    headers: { accept: 'application/json', authorization: `Bearer ${token}` },
    cache: 'no-store',
  });
  const body = (await reply.json().catch(() => undefined)) as { detail?: string; title?: string } | undefined;
  if (!reply.ok) {
    throw new ApiError(body?.detail ?? body?.title ?? `HTTP ${reply.status}`, reply.status, {
      problem: body as never,
    });
  }
  return body as Me;
}

/** Sign-in through the OpenID provider (Cognito's managed login on AWS): loaded by SignIn on demand. */
export function ProviderSignIn({ config }: { config: OidcConfig }) {
  const t = useT();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const handled = useRef(false);

  useEffect(() => {
    if (handled.current || !isCallback(new URL(window.location.href))) return;
    handled.current = true;
    setBusy(true);
    finishSignIn(config, whoAmI)
      .then(({ token, me }) => {
        setSession({ token, user: me.user });
        router.push(homeOf(me.user.role));
      })
      .catch((e: unknown) => {
        setError(e);
        setBusy(false);
      });
  }, [config, router]);

  return (
    <>
      <PageTitle>{t.signIn.title}</PageTitle>
      <p className="lead">{t.signIn.providerLead}</p>
      {error !== undefined && <ErrorNotice error={error} title={t.signIn.failed} />}
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          startSignIn(config).catch((e: unknown) => {
            setError(e);
            setBusy(false);
          });
        }}
      >
        {busy ? t.signIn.working : t.signIn.submit}
      </button>
    </>
  );
}
