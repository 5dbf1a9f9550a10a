import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Loading, RequireRole } from '../../../components/ui';
import { OfferCandidates } from './OfferCandidates';

export const metadata: Metadata = { title: 'Kandidat' };

export default function OfferCandidatesPage() {
  return (
    <section className="section">
      <div className="container">
        <RequireRole roles={['corporate', 'university', 'community', 'admin']}>
          <Suspense fallback={<Loading />}>
            <OfferCandidates />
          </Suspense>
        </RequireRole>
      </div>
    </section>
  );
}
