import type { Metadata } from 'next';
import { SignIn } from './SignIn';

export const metadata: Metadata = { title: 'Masuk' };

export default function SignInPage() {
  return (
    <section className="section">
      <div className="container container--narrow">
        <SignIn />
      </div>
    </section>
  );
}
