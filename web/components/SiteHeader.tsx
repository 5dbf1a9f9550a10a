'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { ROLE_LABELS } from '../lib/labels';
import { homeOf, signOut, useSession } from '../lib/session';

function NavLink({ href, id, en }: { href: string; id: string; en: string }) {
  const pathname = usePathname();
  const current = pathname === href || pathname === href.replace(/\/$/, '');
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {id} <span className="nav__en">{en}</span>
    </Link>
  );
}

/** The header every page shares: where to go, and who is signed in. */
export function SiteHeader() {
  const session = useSession();
  const router = useRouter();
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="brand" aria-label="Sinergi, beranda / home">
          <span className="brand__mark" aria-hidden="true">
            S
          </span>
          <span className="brand__name">Sinergi</span>
        </Link>
        <nav aria-label="Navigasi utama / Main navigation">
          <ul className="nav">
            <li>
              <NavLink href="/" id="Beranda" en="Home" />
            </li>
            {session && (
              <li>
                <NavLink href={homeOf(session.user.role)} id="Ruang saya" en="My space" />
              </li>
            )}
            {session === null && (
              <li>
                <NavLink href="/masuk" id="Masuk" en="Sign in" />
              </li>
            )}
          </ul>
        </nav>
        {session && (
          <div className="who" data-testid="who">
            <span className="who__name">
              {session.user.name ?? session.user.id}
              <span className="who__role">
                {ROLE_LABELS[session.user.role][0]}{' '}
                <span lang="en">/ {ROLE_LABELS[session.user.role][1]}</span>
              </span>
            </span>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                void signOut().then(() => router.push('/masuk'));
              }}
            >
              Keluar <span lang="en">/ Sign out</span>
            </button>
          </div>
        )}
      </div>
    </header>
  );
}
