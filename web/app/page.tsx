import { HealthStatus } from '../components/HealthStatus';
import { LiveFigures } from '../components/LiveFigures';

const AUDIENCES = [
  {
    id: 'umkm',
    title: 'UMKM',
    titleEn: 'Small businesses',
    text: 'Ajukan kebutuhan mentoring, tenaga magang atau distribusi, lalu lihat mitra terbaik beserta alasannya.',
    textEn: 'File a request and see ranked partners with reasons.',
  },
  {
    id: 'corporate',
    title: 'Korporasi',
    titleEn: 'Corporates',
    text: 'Tawarkan program mentoring CSR kepada UMKM yang paling cocok dengan topik dan wilayah Anda.',
    textEn: 'Offer mentorship to the UMKM that fit your topics and regions.',
  },
  {
    id: 'university',
    title: 'Universitas',
    titleEn: 'Universities',
    text: 'Tempatkan mahasiswa magang (MBKM) di UMKM yang membutuhkan keahlian mereka.',
    textEn: 'Place interns with the UMKM that need their skills.',
  },
  {
    id: 'community',
    title: 'Komunitas',
    titleEn: 'Community distributors',
    text: 'Koperasi dan jaringan reseller menemukan pemasok UMKM dengan sertifikasi yang diperlukan.',
    textEn: 'Cooperatives and reseller networks find certified UMKM suppliers.',
  },
] as const;

export default function HomePage() {
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="container">
          <p className="eyebrow">Sinergi</p>
          <h1 id="hero-title">
            Kemitraan UMKM
            <span className="heading-en" lang="en">
              Partnerships for Indonesian small business
            </span>
          </h1>
          <p className="lead">
            Kami mempertemukan UMKM dengan korporasi, universitas dan komunitas distributor — dengan skor yang
            dapat dijelaskan dan kuota yang dibagi adil untuk satu putaran penuh.
          </p>
          <p className="lead lead--en" lang="en">
            We match UMKM with corporates, universities and community distributors, with scores that explain
            themselves and scarce slots allocated fairly across a whole round.
          </p>
        </div>
      </section>

      <section className="section" aria-labelledby="figures-title">
        <div className="container">
          <h2 id="figures-title">
            Angka langsung
            <span className="heading-en" lang="en">
              Live figures
            </span>
          </h2>
          <LiveFigures />
          <HealthStatus />
        </div>
      </section>

      <section className="section section--alt" aria-labelledby="audiences-title">
        <div className="container">
          <h2 id="audiences-title">
            Untuk siapa
            <span className="heading-en" lang="en">
              Who it is for
            </span>
          </h2>
          <ul className="cards">
            {AUDIENCES.map((a) => (
              <li key={a.id} className="card">
                <h3>
                  {a.title}
                  <span className="heading-en" lang="en">
                    {a.titleEn}
                  </span>
                </h3>
                <p>{a.text}</p>
                <p className="card__en" lang="en">
                  {a.textEn}
                </p>
              </li>
            ))}
          </ul>
        </div>
      </section>
    </>
  );
}
