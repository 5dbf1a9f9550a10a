import type { Metadata } from 'next';
import { Suspense } from 'react';
import { EarlyReads } from '../../../components/EarlyReads';
import { Loading, PageIntro, RequireRole } from '../../../components/ui';
import { RequestMatches } from './RequestMatches';
import { MATCHES_READS } from './reads';

export const metadata: Metadata = { title: 'Mitra yang cocok' };

export default function RequestMatchesPage() {
  return (
    <section className="section">
      <div className="container">
        <PageIntro page="matches" />
        <RequireRole roles={['business', 'admin']}>
          {/* useSearchParams in a static export needs a Suspense boundary. */}
          <Suspense fallback={<Loading />}>
            <RequestMatches />
          </Suspense>
        </RequireRole>
      </div>
      <EarlyReads templates={Object.values(MATCHES_READS)} />
    </section>
  );
}
