import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter, SiteHeader, SkipLink } from '../components/SiteHeader';
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
    // The static HTML is in Bahasa Indonesia; the language store (lib/i18n/locale.ts) sets the attribute
    // to the language on the screen once the remembered one applies, hence suppressHydrationWarning.
    // No script in <head>: the parser's first task carries no storage call (the language and the
    // session are read after hydration, each in a task of its own).
    <html lang="id" suppressHydrationWarning>
      <body>
        <SkipLink />
        <SiteHeader />
        <main id="main">{children}</main>
        <SiteFooter />
      </body>
    </html>
  );
}
