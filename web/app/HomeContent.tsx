'use client';

import { HealthStatus } from '../components/HealthStatus';
import { LiveFigures } from '../components/LiveFigures';
import { useT } from '../lib/i18n/locale';

const AUDIENCES = ['umkm', 'corporate', 'university', 'community'] as const;

export function HomeContent() {
  const t = useT();
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="container">
          <p className="eyebrow">Sinergi</p>
          <h1 id="hero-title">{t.home.title}</h1>
          <p className="lead">{t.home.lead}</p>
        </div>
      </section>

      <section className="section" aria-labelledby="figures-title">
        <div className="container">
          <h2 id="figures-title">{t.home.figures}</h2>
          <LiveFigures />
          <HealthStatus />
        </div>
      </section>

      <section className="section section--alt" aria-labelledby="audiences-title">
        <div className="container">
          <h2 id="audiences-title">{t.home.audiences}</h2>
          <ul className="cards">
            {AUDIENCES.map((a) => (
              <li key={a} className="card">
                <h3>{t.home[a]}</h3>
                <p>{t.home[`${a}Text`]}</p>
              </li>
            ))}
          </ul>
        </div>
      </section>
    </>
  );
}
