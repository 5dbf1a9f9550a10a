/** How a round's assignments read for people: reasons in Bahasa Indonesia first, and CSV exports. */
import { PROVINCES } from '@sinergi/shared/reference';
import type { RoundRecord, StoredAssignment } from '../../domain/rounds';

const provinceName = new Map(PROVINCES.map((p) => [p.code, p.name]));
const povertyRate = new Map(PROVINCES.map((p) => [p.code, p.povertyRatePct]));
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The reasons of one assignment: stated wishes, the partner's approval, the fit, the equity priority. */
export function withReasons(a: StoredAssignment) {
  const reasons: { id: string; en: string }[] = [];
  if (a.statedRank !== null)
    reasons.push({
      id: `Pilihan ke-${a.statedRank + 1} UMKM untuk permintaan ini`,
      en: `The UMKM's choice no. ${a.statedRank + 1} for this request`,
    });
  if (a.approved)
    reasons.push({ id: 'Mitra menyetujui calon ini', en: 'The partner approved this candidate' });
  reasons.push({ id: `Kecocokan timbal balik ${pct(a.fit)}`, en: `Reciprocal fit ${pct(a.fit)}` });
  if (a.highPoverty)
    reasons.push({
      id: `Provinsi dengan tingkat kemiskinan di atas median (prioritas ${pct(a.priority)})`,
      en: `Province with a poverty rate above the median (priority ${pct(a.priority)})`,
    });
  return { ...a, reasons };
}

const BOM = '\uFEFF';
const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const csv = (rows: unknown[][]) => `${BOM}${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;

export function assignmentsCsv(items: readonly StoredAssignment[]): string {
  return csv([
    [
      'request_id',
      'umkm',
      'provinsi',
      'kelas_usaha',
      'offer_id',
      'penawaran',
      'mitra',
      'kecocokan',
      'pilihan_umkm',
      'disetujui_mitra',
      'prioritas_kemiskinan',
    ],
    ...items.map((a) => [
      a.requestId,
      a.businessName,
      provinceName.get(a.province) ?? a.province,
      a.sizeClass,
      a.offerId,
      a.offerTitle,
      a.organizationName,
      a.fit.toFixed(4),
      a.statedRank === null ? '' : a.statedRank + 1,
      a.approved ? 'ya' : 'tidak',
      a.priority.toFixed(4),
    ]),
  ]);
}

/** The impact table: placements per province (with its BPS poverty rate), then the two groups. */
export function impactCsv(round: RoundRecord, items: readonly StoredAssignment[]): string {
  const byProvince = new Map<string, { placed: number; fit: number }>();
  for (const a of items) {
    const e = byProvince.get(a.province) ?? { placed: 0, fit: 0 };
    e.placed++;
    e.fit += a.fit;
    byProvince.set(a.province, e);
  }
  const rows: unknown[][] = [
    ['provinsi', 'kode', 'tingkat_kemiskinan_pct', 'ditempatkan', 'rata_rata_kecocokan'],
  ];
  for (const [code, e] of [...byProvince].sort((a, b) => b[1].placed - a[1].placed))
    rows.push([
      provinceName.get(code) ?? code,
      code,
      povertyRate.get(code) ?? '',
      e.placed,
      (e.fit / e.placed).toFixed(4),
    ]);
  const g = round.summary?.groups;
  if (g) {
    rows.push([]);
    rows.push(['kelompok', '', '', 'permintaan', 'ditempatkan', 'tingkat_penempatan']);
    for (const [name, x] of [
      ['kemiskinan tinggi (di atas median)', g.highPoverty],
      ['lainnya', g.rest],
    ] as const)
      rows.push([
        name,
        '',
        '',
        x.requests,
        x.placed,
        x.requests > 0 ? (x.placed / x.requests).toFixed(4) : '',
      ]);
  }
  return csv(rows);
}
