import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter, SiteHeader, SkipLink } from '../components/SiteHeader';
import { SESSION_PRIME_SCRIPT } from '../lib/early-reads';
import { LOCALE_HEAD_SCRIPT } from '../lib/i18n/config';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Sinergi — Kemitraan UMKM', template: '%s · Sinergi' },
  description:
    'Sinergi mempertemukan UMKM dengan korporasi (mentoring), universitas (magang) dan komunitas (distribusi). ' +
    'Partnership matching for Indonesian small businesses.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#0f5c4d',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The remembered language is applied by the head script before the first paint; React does not
    // own the attribute afterwards (setLocale updates it), hence suppressHydrationWarning.
    <html lang="id" suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: constant scripts, no user input. */}
        <script dangerouslySetInnerHTML={{ __html: LOCALE_HEAD_SCRIPT + SESSION_PRIME_SCRIPT }} />
      </head>
      <body>
        <SkipLink />
        <SiteHeader />
        <main id="main">{children}</main>
        <SiteFooter />
      </body>
    </html>
  );
}
