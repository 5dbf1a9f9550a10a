import type { Metadata } from 'next';
import { RequireRole } from '../../components/ui';
import { PartnerHome } from './PartnerHome';

export const metadata: Metadata = { title: 'Mitra' };

export default function PartnerPage() {
  return (
    <section className="section">
      <div className="container">
        <RequireRole roles={['corporate', 'university', 'community']}>
          <PartnerHome />
        </RequireRole>
      </div>
    </section>
  );
}
