// Generated once from data/provinces.csv (BPS Susenas Maret 2025; sources in data/SOURCES.md).
// provinces.test.ts checks this table against the CSV, so the two cannot drift apart.
import type { Province } from './types';

export const PROVINCES: readonly Province[] = [
  {
    "code": "11",
    "name": "Aceh",
    "capital": "Banda Aceh",
    "lat": 5.5537,
    "lon": 95.3172,
    "povertyRatePct": 12.33,
    "islandGroup": "sumatera"
  },
  {
    "code": "12",
    "name": "Sumatera Utara",
    "capital": "Medan",
    "lat": 3.5752,
    "lon": 98.6873,
    "povertyRatePct": 7.36,
    "islandGroup": "sumatera"
  },
  {
    "code": "13",
    "name": "Sumatera Barat",
    "capital": "Padang",
    "lat": -0.9242,
    "lon": 100.362,
    "povertyRatePct": 5.35,
    "islandGroup": "sumatera"
  },
  {
    "code": "14",
    "name": "Riau",
    "capital": "Pekanbaru",
    "lat": 0.5265,
    "lon": 101.4507,
    "povertyRatePct": 6.16,
    "islandGroup": "sumatera"
  },
  {
    "code": "15",
    "name": "Jambi",
    "capital": "Jambi",
    "lat": -1.5942,
    "lon": 103.6082,
    "povertyRatePct": 7.19,
    "islandGroup": "sumatera"
  },
  {
    "code": "16",
    "name": "Sumatera Selatan",
    "capital": "Palembang",
    "lat": -2.9878,
    "lon": 104.7603,
    "povertyRatePct": 10.15,
    "islandGroup": "sumatera"
  },
  {
    "code": "17",
    "name": "Bengkulu",
    "capital": "Bengkulu",
    "lat": -3.8002,
    "lon": 102.259,
    "povertyRatePct": 12.08,
    "islandGroup": "sumatera"
  },
  {
    "code": "18",
    "name": "Lampung",
    "capital": "Bandar Lampung",
    "lat": -5.4293,
    "lon": 105.2598,
    "povertyRatePct": 10,
    "islandGroup": "sumatera"
  },
  {
    "code": "19",
    "name": "Kepulauan Bangka Belitung",
    "capital": "Pangkalpinang",
    "lat": -2.1297,
    "lon": 106.1118,
    "povertyRatePct": 5,
    "islandGroup": "sumatera"
  },
  {
    "code": "21",
    "name": "Kepulauan Riau",
    "capital": "Tanjungpinang",
    "lat": 0.9278,
    "lon": 104.4428,
    "povertyRatePct": 4.44,
    "islandGroup": "sumatera"
  },
  {
    "code": "31",
    "name": "DKI Jakarta",
    "capital": "Jakarta",
    "lat": -6.1702,
    "lon": 106.831,
    "povertyRatePct": 4.28,
    "islandGroup": "jawa"
  },
  {
    "code": "32",
    "name": "Jawa Barat",
    "capital": "Bandung",
    "lat": -6.9217,
    "lon": 107.606,
    "povertyRatePct": 7.02,
    "islandGroup": "jawa"
  },
  {
    "code": "33",
    "name": "Jawa Tengah",
    "capital": "Semarang",
    "lat": -6.9835,
    "lon": 110.4453,
    "povertyRatePct": 9.48,
    "islandGroup": "jawa"
  },
  {
    "code": "34",
    "name": "DI Yogyakarta",
    "capital": "Yogyakarta",
    "lat": -7.7863,
    "lon": 110.3692,
    "povertyRatePct": 10.23,
    "islandGroup": "jawa"
  },
  {
    "code": "35",
    "name": "Jawa Timur",
    "capital": "Surabaya",
    "lat": -7.3365,
    "lon": 112.715,
    "povertyRatePct": 9.5,
    "islandGroup": "jawa"
  },
  {
    "code": "36",
    "name": "Banten",
    "capital": "Serang",
    "lat": -6.1167,
    "lon": 106.1563,
    "povertyRatePct": 5.63,
    "islandGroup": "jawa"
  },
  {
    "code": "51",
    "name": "Bali",
    "capital": "Denpasar",
    "lat": -8.6583,
    "lon": 115.2135,
    "povertyRatePct": 3.72,
    "islandGroup": "bali_nusa_tenggara"
  },
  {
    "code": "52",
    "name": "Nusa Tenggara Barat",
    "capital": "Mataram",
    "lat": -8.5798,
    "lon": 116.1007,
    "povertyRatePct": 11.78,
    "islandGroup": "bali_nusa_tenggara"
  },
  {
    "code": "53",
    "name": "Nusa Tenggara Timur",
    "capital": "Kupang",
    "lat": -10.1647,
    "lon": 123.5795,
    "povertyRatePct": 18.6,
    "islandGroup": "bali_nusa_tenggara"
  },
  {
    "code": "61",
    "name": "Kalimantan Barat",
    "capital": "Pontianak",
    "lat": -0.0413,
    "lon": 109.3363,
    "povertyRatePct": 6.16,
    "islandGroup": "kalimantan"
  },
  {
    "code": "62",
    "name": "Kalimantan Tengah",
    "capital": "Palangka Raya",
    "lat": -2.2307,
    "lon": 113.89,
    "povertyRatePct": 5.19,
    "islandGroup": "kalimantan"
  },
  {
    "code": "63",
    "name": "Kalimantan Selatan",
    "capital": "Banjarbaru",
    "lat": -3.4612,
    "lon": 114.8245,
    "povertyRatePct": 3.84,
    "islandGroup": "kalimantan"
  },
  {
    "code": "64",
    "name": "Kalimantan Timur",
    "capital": "Samarinda",
    "lat": -0.5023,
    "lon": 117.1203,
    "povertyRatePct": 5.17,
    "islandGroup": "kalimantan"
  },
  {
    "code": "65",
    "name": "Kalimantan Utara",
    "capital": "Tanjung Selor",
    "lat": 2.8438,
    "lon": 117.365,
    "povertyRatePct": 5.54,
    "islandGroup": "kalimantan"
  },
  {
    "code": "71",
    "name": "Sulawesi Utara",
    "capital": "Manado",
    "lat": 1.4878,
    "lon": 124.8432,
    "povertyRatePct": 6.71,
    "islandGroup": "sulawesi"
  },
  {
    "code": "72",
    "name": "Sulawesi Tengah",
    "capital": "Palu",
    "lat": -0.894,
    "lon": 119.8525,
    "povertyRatePct": 10.92,
    "islandGroup": "sulawesi"
  },
  {
    "code": "73",
    "name": "Sulawesi Selatan",
    "capital": "Makassar",
    "lat": -5.1305,
    "lon": 119.4197,
    "povertyRatePct": 7.6,
    "islandGroup": "sulawesi"
  },
  {
    "code": "74",
    "name": "Sulawesi Tenggara",
    "capital": "Kendari",
    "lat": -3.966,
    "lon": 122.5167,
    "povertyRatePct": 10.54,
    "islandGroup": "sulawesi"
  },
  {
    "code": "75",
    "name": "Gorontalo",
    "capital": "Gorontalo",
    "lat": 0.5378,
    "lon": 123.0603,
    "povertyRatePct": 13.24,
    "islandGroup": "sulawesi"
  },
  {
    "code": "76",
    "name": "Sulawesi Barat",
    "capital": "Mamuju",
    "lat": -2.675,
    "lon": 118.8883,
    "povertyRatePct": 10.41,
    "islandGroup": "sulawesi"
  },
  {
    "code": "81",
    "name": "Maluku",
    "capital": "Ambon",
    "lat": -3.6967,
    "lon": 128.1773,
    "povertyRatePct": 15.38,
    "islandGroup": "maluku"
  },
  {
    "code": "82",
    "name": "Maluku Utara",
    "capital": "Sofifi",
    "lat": 0.7363,
    "lon": 127.5595,
    "povertyRatePct": 5.81,
    "islandGroup": "maluku"
  },
  {
    "code": "91",
    "name": "Papua Barat",
    "capital": "Manokwari",
    "lat": -0.8627,
    "lon": 134.0725,
    "povertyRatePct": 20.66,
    "islandGroup": "papua"
  },
  {
    "code": "92",
    "name": "Papua Barat Daya",
    "capital": "Sorong",
    "lat": -0.882,
    "lon": 131.282,
    "povertyRatePct": 17.95,
    "islandGroup": "papua"
  },
  {
    "code": "94",
    "name": "Papua",
    "capital": "Jayapura",
    "lat": -2.5447,
    "lon": 140.6992,
    "povertyRatePct": 19.16,
    "islandGroup": "papua"
  },
  {
    "code": "95",
    "name": "Papua Selatan",
    "capital": "Merauke",
    "lat": -8.4938,
    "lon": 140.4007,
    "povertyRatePct": 19.71,
    "islandGroup": "papua"
  },
  {
    "code": "96",
    "name": "Papua Tengah",
    "capital": "Nabire",
    "lat": -3.3658,
    "lon": 135.4938,
    "povertyRatePct": 28.9,
    "islandGroup": "papua"
  },
  {
    "code": "97",
    "name": "Papua Pegunungan",
    "capital": "Wamena",
    "lat": -4.0995,
    "lon": 138.9418,
    "povertyRatePct": 30.03,
    "islandGroup": "papua"
  }
];
