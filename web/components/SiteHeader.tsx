'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { type Locale, setLocale, useLocale, useT } from '../lib/i18n/locale';
import { homeOf, signOut, useSession } from '../lib/session';
import { InboxLink } from './Inbox';

function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname === href.replace(/\/$/, '');
  return (
    <Link prefetch={false} href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/** The visible language switch: one button naming the other language, in that language. */
export function LanguageSwitch() {
  const locale = useLocale();
  const t = useT();
  const other: Locale = locale === 'id' ? 'en' : 'id';
  // Marks hydration: the static HTML's button does nothing until React has attached its handler.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return (
    <button
      type="button"
      className="button button--ghost lang-switch"
      data-testid="lang-switch"
      data-ready={ready || undefined}
      lang={other}
      onClick={() => setLocale(other)}
    >
      {/* The accessible name starts with what is seen ("EN"), as WCAG 2.5.3 asks. */}
      {other.toUpperCase()}
      <span className="visually-hidden"> ({t.switchLabel})</span>
      <span className="lang-switch__name"> · {t.switchTo}</span>
    </button>
  );
}

/** The header every page shares: where to go, the language, and who is signed in. */
export function SiteHeader() {
  const session = useSession();
  const router = useRouter();
  const t = useT();
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link prefetch={false} href="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            S
          </span>
          <span className="brand__name">Sinergi</span>
          <span className="visually-hidden">, {t.nav.home}</span>
        </Link>
        <nav className="site-header__nav" aria-label={t.nav.main}>
          <ul className="nav">
            <li>
              <NavLink href="/">{t.nav.home}</NavLink>
            </li>
            {session && (
              <li>
                <NavLink href={homeOf(session.user.role)}>{t.nav.mine}</NavLink>
              </li>
            )}
            {session && session.user.role !== 'admin' && (
              <li>
                <InboxLink />
              </li>
            )}
            {session === null && (
              <li>
                <NavLink href="/masuk">{t.nav.signIn}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <LanguageSwitch />
        {session && (
          <div className="who" data-testid="who">
            <span className="who__name" title={session.user.name ?? session.user.id}>
              {session.user.name ?? session.user.id}
              <span className="who__role">{t.role[session.user.role]}</span>
            </span>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                void signOut().then(() => router.push('/masuk'));
              }}
            >
              {t.nav.signOut}
            </button>
          </div>
        )}
      </div>
    </header>
  );
}

export function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      {useT().skip}
    </a>
  );
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{useT().footer}</p>
      </div>
    </footer>
  );
}
