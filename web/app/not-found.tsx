import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="section">
      <div className="container">
        <h1>
          Halaman tidak ditemukan
          <span className="heading-en" lang="en">
            Page not found
          </span>
        </h1>
        <p>
          <Link href="/">Kembali ke beranda</Link> <span lang="en">/ Back to the home page</span>
        </p>
      </div>
    </section>
  );
}
