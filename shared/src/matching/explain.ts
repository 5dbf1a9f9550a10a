/**
 * Reasons people read: for the handful of pairs that are shown (a top-k list, one pair on a detail page)
 * we turn the kernel's numbers back into sentences, Bahasa Indonesia first, English second. This runs per
 * *displayed* pair, never in the allocation loop, so it is free to use strings and allocate.
 */
import {
  CERTIFICATION_KEYS,
  findCertification,
  MEDIAN_POVERTY_RATE_PCT,
  PROVINCES,
  SECTORS,
} from '../reference';
import { bestSharedLevel, KBLI_LEVEL } from './kbli';
import {
  COMPONENT_NAMES,
  HARD_FILTERS,
  type ResolvedWeights,
  SLOT,
  SLOT_COUNT,
  scorePrepared,
} from './kernel';
import { inMask, type PreparedOffer, type PreparedRequest } from './prepare';
import type { ComponentName, EligiblePairScore, ExcludedPairScore, PartnershipType, Reason } from './types';
import { type ConceptHit, conceptLabel, isKnownConcept, relatedConcepts } from './vocabulary';
import { LEVELS } from './weights';

const TYPE_LABEL: Readonly<Record<PartnershipType, Reason>> = {
  mentorship: { id: 'pendampingan (mentoring)', en: 'mentorship' },
  internship: { id: 'magang', en: 'internship' },
  distribution: { id: 'distribusi', en: 'distribution' },
};
const SIZE_LABEL: Readonly<Record<string, Reason>> = {
  mikro: { id: 'mikro', en: 'micro' },
  kecil: { id: 'kecil', en: 'small' },
  menengah: { id: 'menengah', en: 'medium' },
};

const typeLabel = (t: string): Reason => TYPE_LABEL[t as PartnershipType] ?? { id: t, en: t };
const sizeLabel = (s: string): Reason => SIZE_LABEL[s] ?? { id: s, en: s };
const provinceName = (i: number, fallback: string): string => PROVINCES[i]?.name ?? fallback;
const sectorName = (key: string): Reason => {
  const s = SECTORS.find((x) => x.key === key);
  return s === undefined ? { id: key, en: key } : { id: s.nameId, en: s.nameEn };
};
const list = (items: readonly Reason[]): Reason => ({
  id: items.map((x) => x.id).join(', '),
  en: items.map((x) => x.en).join(', '),
});
const pct = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * Why a hard filter excluded an offer, in both languages, naming the concrete values involved.
 */
function filterReason(filterIndex: number, r: PreparedRequest, o: PreparedOffer): Reason {
  const req = r.source;
  const off = o.source;
  switch (HARD_FILTERS[filterIndex]) {
    case 'type': {
      const a = typeLabel(req.type);
      const b = typeLabel(off.type);
      return {
        id: `Jenis kemitraan berbeda: permintaan ${a.id}, penawaran ${b.id}.`,
        en: `Different partnership type: the request is for ${a.en}, the offer is ${b.en}.`,
      };
    }
    case 'capacity':
      return { id: 'Kuota penawaran sudah penuh.', en: 'The offer has no places left.' };
    case 'dates': {
      const want = `${req.startDate ?? '…'} – ${req.endDate ?? '…'}`;
      const have = `${off.startDate ?? '…'} – ${off.endDate ?? '…'}`;
      return {
        id: `Jadwal tidak beririsan: diminta ${want}, ditawarkan ${have}.`,
        en: `Dates do not overlap: requested ${want}, offered ${have}.`,
      };
    }
    case 'certification': {
      const missing = o.requiredCertifications.filter(
        (key) => (r.certificationMask & (1 << CERTIFICATION_KEYS.indexOf(key))) === 0,
      );
      const names = list(
        missing.map((key) => {
          const c = findCertification(key);
          return c === undefined ? { id: key, en: key } : { id: c.id, en: c.en };
        }),
      );
      return {
        id: `Mitra mensyaratkan sertifikasi yang belum dimiliki UMKM: ${names.id}.`,
        en: `The partner requires certification the UMKM does not have: ${names.en}.`,
      };
    }
    case 'mode':
      return {
        id: 'Penawaran hanya luring (tatap muka), sedangkan UMKM hanya bisa daring.',
        en: 'The offer is offline only, and the UMKM can only take part online.',
      };
    case 'reach': {
      const served = (off.provinces ?? [])
        .map((c) => PROVINCES.find((p) => p.code === c)?.name ?? c)
        .join(', ');
      const here = provinceName(r.provinceIndex, req.business.province);
      return {
        id: `Penawaran luring di luar jangkauan: mitra melayani ${served}, UMKM berada di ${here}.`,
        en: `Offline offer out of reach: the partner serves ${served}, the UMKM is in ${here}.`,
      };
    }
    case 'sizeClass': {
      const allowed = list((off.sizeClasses ?? []).map(sizeLabel));
      const own = sizeLabel(req.business.sizeClass);
      return {
        id: `Program hanya untuk usaha ${allowed.id}; UMKM ini usaha ${own.id}.`,
        en: `The programme is only for ${allowed.en} enterprises; this UMKM is ${own.en}.`,
      };
    }
    case 'sector': {
      const allowed = list((off.sectors ?? []).map(sectorName));
      const own = sectorName(req.business.sector);
      return {
        id: `Program hanya untuk sektor ${allowed.id}; UMKM ini sektor ${own.id}.`,
        en: `The programme is only for the sectors ${allowed.en}; this UMKM is in ${own.en}.`,
      };
    }
    default:
      return { id: 'Tidak memenuhi syarat.', en: 'Not eligible.' };
  }
}

/** Topic reason: exact matches by name, then related pairs ("instagram ~ media sosial"). */
function topicReasons(r: PreparedRequest, o: PreparedOffer): Reason[] {
  const topicIds = new Set(o.topicHits.map((h) => h.id));
  const exact: ConceptHit[] = r.needHits.filter((h) => topicIds.has(h.id));
  const related: Reason[] = [];
  for (const need of r.needHits) {
    if (topicIds.has(need.id) || !isKnownConcept(need.id)) continue;
    const near = relatedConcepts(need.id);
    const topic = o.topicHits.find((t) => near.includes(t.id));
    if (topic !== undefined) {
      const a = conceptLabel(need);
      const b = conceptLabel(topic);
      related.push({ id: `${a.id} ~ ${b.id}`, en: `${a.en} ~ ${b.en}` });
    }
  }
  const out: Reason[] = [];
  if (exact.length > 0) {
    const names = list(exact.map(conceptLabel));
    out.push({ id: `Topik cocok: ${names.id}.`, en: `Topics match: ${names.en}.` });
  }
  if (related.length > 0) {
    const names = list(related);
    out.push({ id: `Topik terkait: ${names.id}.`, en: `Related topics: ${names.en}.` });
  }
  if (out.length === 0) {
    out.push(
      r.needHits.length === 0
        ? { id: 'UMKM belum menuliskan kebutuhan.', en: 'The UMKM has not listed any needs.' }
        : {
            id: 'Tidak ada topik yang sama dengan kebutuhan UMKM.',
            en: "No topic matches the UMKM's needs.",
          },
    );
  }
  return out;
}

function sectorReason(r: PreparedRequest, o: PreparedOffer): Reason | undefined {
  if (o.kbliKeys.length === 0) return undefined;
  switch (bestSharedLevel(r.kbliKeys, o.kbliKeys)) {
    case KBLI_LEVEL.subClass:
      return { id: 'Sektor: kode KBLI sama persis.', en: 'Sector: the same 5-digit KBLI code.' };
    case KBLI_LEVEL.kbliClass:
    case KBLI_LEVEL.group:
      return { id: 'Sektor: kelompok KBLI yang sama.', en: 'Sector: the same KBLI group.' };
    case KBLI_LEVEL.division:
    case KBLI_LEVEL.sector:
      return { id: 'Sektor: golongan pokok KBLI yang sama.', en: 'Sector: the same KBLI division.' };
    case KBLI_LEVEL.section:
      return { id: 'Sektor: kategori KBLI yang sama.', en: 'Sector: the same KBLI section.' };
    default:
      return {
        id: 'Sektor: di luar sektor yang diutamakan mitra.',
        en: "Sector: outside the partner's preferred sectors.",
      };
  }
}

function locationReason(r: PreparedRequest, o: PreparedOffer, location: number): Reason {
  const loc = LEVELS.location;
  if (o.modeCode === 0 || (o.modeCode === 2 && r.modeCode === 0)) {
    return location >= loc.online
      ? { id: 'Lokasi: daring, jarak tidak berpengaruh.', en: 'Location: online, distance does not matter.' }
      : {
          id: 'Lokasi: daring, tetapi program ditujukan untuk provinsi lain.',
          en: 'Location: online, but the programme targets other provinces.',
        };
  }
  const mode =
    o.modeCode === 2
      ? { id: ' (hibrida: bisa daring)', en: ' (hybrid: can join online)' }
      : { id: '', en: '' };
  if (r.cityKey >= 0 && r.cityKey === o.orgCityKey) {
    return { id: `Lokasi: kota yang sama${mode.id}.`, en: `Location: same city${mode.en}.` };
  }
  const offline = r.provinceIndex >= 0 ? (o.locationByProvince[r.provinceIndex] ?? 0) : 0;
  if (offline >= loc.sameProvince || inMask(r.reachLow, r.reachHigh, o.orgProvinceIndex)) {
    return {
      id: `Lokasi: provinsi yang sama atau terjangkau${mode.id}.`,
      en: `Location: same or reachable province${mode.en}.`,
    };
  }
  if (offline >= loc.sameIslandGroup) {
    return { id: `Lokasi: satu gugus pulau${mode.id}.`, en: `Location: same island group${mode.en}.` };
  }
  return { id: `Lokasi: jauh, beda pulau${mode.id}.`, en: `Location: far, another island group${mode.en}.` };
}

/**
 * Score one prepared pair with components and reasons ("why") or the hard filter that excluded it
 * ("why not"). This is what `scorePair` and the rankings return for displayed pairs.
 *
 * @example
 * const w = resolveWeights();
 * const result = explainPrepared(prepareRequest(request), prepareOffer(offer), w);
 * if (result.eligible) console.log(result.score, result.reasons[0]?.id);
 * else console.log(result.filter, result.reason.en);
 */
export function explainPrepared(
  r: PreparedRequest,
  o: PreparedOffer,
  w: ResolvedWeights,
): EligiblePairScore | ExcludedPairScore {
  const out = new Float64Array(SLOT_COUNT);
  const s = scorePrepared(r, o, w, out);
  if (s < 0) {
    const index = -s - 1;
    return { eligible: false, filter: HARD_FILTERS[index] ?? 'type', reason: filterReason(index, r, o) };
  }
  const components = {} as Record<ComponentName, number>;
  COMPONENT_NAMES.forEach((name, i) => {
    components[name] = out[i] as number;
  });
  const forUmkm = out[SLOT.forUmkm] as number;
  const forPartner = out[SLOT.forPartner] as number;
  const impact = out[SLOT.impact] as number;
  const reasons: Reason[] = [...topicReasons(r, o)];
  // Reciprocity: say when the match is clearly one-sided, because that is why it ranks lower.
  if (forUmkm >= 0.6 && forPartner >= 0.6) {
    reasons.push({
      id: 'Cocok dua arah: UMKM dan mitra saling sesuai.',
      en: 'Mutual fit: both sides match what the other wants.',
    });
  } else if (forUmkm - forPartner > 0.25) {
    reasons.push({
      id: 'Lebih cocok bagi UMKM daripada bagi mitra (profil UMKM kurang sesuai sasaran mitra).',
      en: "Better for the UMKM than for the partner (the UMKM is outside the partner's main target).",
    });
  } else if (forPartner - forUmkm > 0.25) {
    reasons.push({
      id: 'Lebih cocok bagi mitra daripada bagi UMKM (kebutuhan UMKM kurang terpenuhi).',
      en: "Better for the partner than for the UMKM (the UMKM's needs are only partly covered).",
    });
  }
  const sector = sectorReason(r, o);
  if (sector !== undefined) reasons.push(sector);
  if ((o.source.sizeClasses ?? []).length > 0) {
    const own = sizeLabel(r.source.business.sizeClass);
    reasons.push({
      id: `Program menyasar usaha ${own.id}.`,
      en: `The programme targets ${own.en} enterprises.`,
    });
  }
  reasons.push(locationReason(r, o, components.location));
  if (components.dates < 1) {
    reasons.push({
      id: `Jadwal: mencakup ${pct(components.dates)} periode yang diminta.`,
      en: `Dates: covers ${pct(components.dates)} of the requested period.`,
    });
  }
  if (components.language < 1) {
    reasons.push({ id: 'Bahasa: tidak ada bahasa yang sama.', en: 'Language: no shared language.' });
  }
  const t = o.source.track;
  if (t !== undefined && t.ratingCount > 0) {
    const mean = (t.ratingSum / t.ratingCount).toFixed(1);
    reasons.push({
      id: `Rekam jejak: rata-rata ${mean} dari ${t.ratingCount} ulasan.`,
      en: `Track record: average ${mean} from ${t.ratingCount} reviews.`,
    });
  }
  if (impact > 0) {
    const p = PROVINCES[r.provinceIndex];
    const why: Reason[] = [];
    if (p !== undefined && r.highPoverty) {
      why.push({
        id: `provinsi ${p.name} dengan kemiskinan ${p.povertyRatePct}% (median ${MEDIAN_POVERTY_RATE_PCT}%)`,
        en: `${p.name}, poverty rate ${p.povertyRatePct}% (median ${MEDIAN_POVERTY_RATE_PCT}%)`,
      });
    }
    if (r.isMicro) why.push({ id: 'usaha mikro', en: 'micro enterprise' });
    if (why.length > 0) {
      const names = list(why);
      reasons.push({ id: `Prioritas dampak: ${names.id}.`, en: `Impact priority: ${names.en}.` });
    }
  }
  return {
    eligible: true,
    score: out[SLOT.score] as number,
    fit: out[SLOT.fit] as number,
    forUmkm,
    forPartner,
    impact,
    components,
    reasons,
  };
}
