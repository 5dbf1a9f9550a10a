import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Loading, RequireRole } from '../../../components/ui';
import { RequestMatches } from './RequestMatches';

export const metadata: Metadata = { title: 'Mitra yang cocok' };

export default function RequestMatchesPage() {
  return (
    <section className="section">
      <div className="container">
        <RequireRole roles={['business', 'admin']}>
          {/* useSearchParams in a static export needs a Suspense boundary. */}
          <Suspense fallback={<Loading />}>
            <RequestMatches />
          </Suspense>
        </RequireRole>
      </div>
    </section>
  );
}
