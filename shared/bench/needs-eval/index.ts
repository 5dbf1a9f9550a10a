/**
 * The labelled evaluation set of owners' needs (`mentorship.txt`, `internship.txt`, `distribution.txt`)
 * and the recognition measures the benchmark prints:
 *
 * - **precision / recall** of concept recognition, micro-averaged over every need: a predicted concept is
 *   right only when it is exactly one of the labelled concepts (no credit for a broader or related one);
 * - **routing**: for each partnership type, one offer per subject (every labelled concept of that type,
 *   and for internships every field of study named as a route), all else equal; a need is routed right
 *   when every offer sharing the best score is about one of its right subjects (the route for an
 *   internship, any labelled concept otherwise). A need with nothing recognised ties every offer and
 *   counts as wrong.
 *
 * The needs were written by hand the way owners write (chat forms, typos, affixes, abbreviations, English
 * mixed in), not generated from the vocabulary; `npm run bench` prints the misses so they can be read.
 */
import { readFileSync } from 'node:fs';
import {
  analyseTexts,
  CONCEPTS,
  isKnownConcept,
  type MatchOffer,
  type MatchRequest,
  type PartnershipType,
  prepareOffer,
  prepareRequest,
  resolveWeights,
  scorePrepared,
} from '../../src/matching';

export interface LabelledNeed {
  readonly type: PartnershipType;
  readonly text: string;
  readonly concepts: readonly string[];
  /** Internships: the field of study whose programme should rank first. */
  readonly route?: string;
  readonly line: string;
}

const FILES: readonly PartnershipType[] = ['mentorship', 'internship', 'distribution'];
const KEYS = new Set(CONCEPTS.map((c) => c.key));

/** Every labelled need; throws on a label that names no concept (a typo in the set must not pass). */
export function loadNeeds(): LabelledNeed[] {
  const out: LabelledNeed[] = [];
  for (const type of FILES) {
    const text = readFileSync(new URL(`./${type}.txt`, import.meta.url), 'utf8');
    for (const [n, raw] of text.split('\n').entries()) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const [need, labels, route] = line.split('|').map((x) => x.trim());
      const concepts = (labels ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '');
      for (const k of [...concepts, ...(route ? [route] : [])])
        if (!KEYS.has(k)) throw new Error(`${type}.txt:${n + 1}: unknown concept key "${k}"`);
      if (type === 'internship' && !route)
        throw new Error(`${type}.txt:${n + 1}: internship need without a route`);
      out.push({
        type,
        text: need ?? '',
        concepts,
        ...(route ? { route } : {}),
        line: `${type}.txt:${n + 1}`,
      });
    }
  }
  return out;
}

/** Known concept keys the core reads in a text. */
export function recognisedKeys(text: string): string[] {
  return analyseTexts([text])
    .hits.filter((h) => isKnownConcept(h.id))
    .map((h) => CONCEPTS[h.id]?.key as string);
}

export interface RecognitionReport {
  readonly needs: number;
  readonly precision: number;
  readonly recall: number;
  readonly routing: number;
  readonly routingByType: Readonly<Record<PartnershipType, number>>;
  readonly misses: readonly string[];
}

const label = (key: string) => CONCEPTS.find((c) => c.key === key)?.id ?? key;

/** Precision, recall and routing over the whole set. */
export function evaluateRecognition(needs: readonly LabelledNeed[] = loadNeeds()): RecognitionReport {
  let truePositive = 0;
  let predicted = 0;
  let expected = 0;
  const misses: string[] = [];
  for (const n of needs) {
    const got = new Set(recognisedKeys(n.text));
    const want = new Set(n.concepts);
    let tp = 0;
    for (const k of got) if (want.has(k)) tp++;
    truePositive += tp;
    predicted += got.size;
    expected += want.size;
    if (tp !== want.size || tp !== got.size) {
      const missing = [...want].filter((k) => !got.has(k));
      const extra = [...got].filter((k) => !want.has(k));
      misses.push(`${n.line} "${n.text}": missing [${missing.join(', ')}] extra [${extra.join(', ')}]`);
    }
  }
  const w = resolveWeights();
  const routingByType = {} as Record<PartnershipType, number>;
  let routedRight = 0;
  for (const type of FILES) {
    const ofType = needs.filter((n) => n.type === type);
    const subjects = [...new Set(ofType.flatMap((n) => (n.route ? [n.route] : n.concepts)))].sort();
    const offers = subjects.map((key, i) => prepareOffer(subjectOffer(type, key, label(key), i)));
    let right = 0;
    for (const n of ofType) {
      const request = prepareRequest(needRequest(type, n.text));
      const scores = offers.map((o) => scorePrepared(request, o, w, null));
      const best = Math.max(...scores);
      const rightSubjects = new Set(n.route ? [n.route] : n.concepts);
      const top = subjects.filter((_, i) => (scores[i] as number) >= best - 1e-12);
      if (best > 0 && top.every((k) => rightSubjects.has(k))) right++;
      else
        misses.push(
          `${n.line} routing "${n.text}": best [${top.slice(0, 4).join(', ')}${top.length > 4 ? ', …' : ''}] want [${[...rightSubjects].join(', ')}]`,
        );
    }
    routingByType[type] = ofType.length === 0 ? 1 : right / ofType.length;
    routedRight += right;
  }
  return {
    needs: needs.length,
    precision: predicted === 0 ? 0 : truePositive / predicted,
    recall: expected === 0 ? 0 : truePositive / expected,
    routing: needs.length === 0 ? 0 : routedRight / needs.length,
    routingByType,
    misses,
  };
}

/** One UMKM, the same for every need: only the need's text differs. */
function needRequest(type: PartnershipType, text: string): MatchRequest {
  return {
    id: 'eval-request',
    type,
    needs: [text],
    mode: 'online',
    business: { id: 'eval-umkm', province: '94', sizeClass: 'mikro', sector: 'lainnya' },
  };
}

/** An offer about one subject, identical to every other offer in all else. */
function subjectOffer(type: PartnershipType, key: string, topic: string, i: number): MatchOffer {
  return {
    id: `eval-offer-${i}-${key}`,
    type,
    topics: [topic],
    mode: 'online',
    capacity: 10,
    remaining: 10,
    organization: {
      id: 'eval-partner',
      kind: type === 'mentorship' ? 'corporate' : type === 'internship' ? 'university' : 'community',
      province: '31',
    },
  };
}
