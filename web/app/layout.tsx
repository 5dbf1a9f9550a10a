import type { Metadata, Viewport } from 'next';
import localFont from 'next/font/local';
import type { ReactNode } from 'react';
import { SiteHeader } from '../components/SiteHeader';
import './globals.css';

// Self-hosted from the npm package: next/font/google would fetch at build time and the site makes
// no request to another origin.
const inter = localFont({
  src: '../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  weight: '100 900',
  display: 'swap',
  variable: '--font-inter',
});

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
    <html lang="id" className={inter.variable}>
      <body>
        <a className="skip-link" href="#main">
          Langsung ke isi <span lang="en">/ Skip to content</span>
        </a>
        <SiteHeader />
        <main id="main">{children}</main>
        <footer className="site-footer">
          <div className="container">
            <p>
              Sinergi — platform kemitraan UMKM Indonesia.{' '}
              <span lang="en">Partnership matching for Indonesian small business.</span>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
