import type { Metadata } from 'next';
import { RequireRole } from '../../components/ui';
import { UmkmHome } from './UmkmHome';

export const metadata: Metadata = { title: 'UMKM' };

export default function UmkmPage() {
  return (
    <section className="section">
      <div className="container">
        <RequireRole roles={['business']}>
          <UmkmHome />
        </RequireRole>
      </div>
    </section>
  );
}
