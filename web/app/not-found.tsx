'use client';

import Link from 'next/link';
import { useT } from '../lib/i18n/locale';

export default function NotFound() {
  const t = useT();
  return (
    <section className="section">
      <div className="container">
        <h1>{t.notFound.title}</h1>
        <p>
          <Link prefetch={false} href="/">
            {t.notFound.back}
          </Link>
        </p>
      </div>
    </section>
  );
}
