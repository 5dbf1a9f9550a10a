// Generated once from data/cities.csv (regency reference points; sources in data/SOURCES.md §7).
import type { City } from './types';

export const CITIES: readonly City[] = [
  {
    "provinceCode": "11",
    "name": "Banda Aceh",
    "type": "Kota",
    "lat": 5.5417,
    "lon": 95.3333
  },
  {
    "provinceCode": "11",
    "name": "Lhokseumawe",
    "type": "Kota",
    "lat": 5.1333,
    "lon": 97.0667
  },
  {
    "provinceCode": "11",
    "name": "Langsa",
    "type": "Kota",
    "lat": 4.47,
    "lon": 97.93
  },
  {
    "provinceCode": "11",
    "name": "Sabang",
    "type": "Kota",
    "lat": 5.8216,
    "lon": 95.3109
  },
  {
    "provinceCode": "11",
    "name": "Aceh Besar",
    "type": "Kabupaten",
    "lat": 5.3833,
    "lon": 95.5167
  },
  {
    "provinceCode": "12",
    "name": "Medan",
    "type": "Kota",
    "lat": 3.65,
    "lon": 98.6667
  },
  {
    "provinceCode": "12",
    "name": "Binjai",
    "type": "Kota",
    "lat": 3.8,
    "lon": 108.2333
  },
  {
    "provinceCode": "12",
    "name": "Pematangsiantar",
    "type": "Kota",
    "lat": 2.9667,
    "lon": 99.05
  },
  {
    "provinceCode": "12",
    "name": "Sibolga",
    "type": "Kota",
    "lat": 1.7333,
    "lon": 98.8
  },
  {
    "provinceCode": "12",
    "name": "Deli Serdang",
    "type": "Kabupaten",
    "lat": 3.4167,
    "lon": 98.6667
  },
  {
    "provinceCode": "13",
    "name": "Padang",
    "type": "Kota",
    "lat": -0.9833,
    "lon": 100.45
  },
  {
    "provinceCode": "13",
    "name": "Bukittinggi",
    "type": "Kota",
    "lat": -0.275,
    "lon": 100.375
  },
  {
    "provinceCode": "13",
    "name": "Payakumbuh",
    "type": "Kota",
    "lat": -0.2333,
    "lon": 100.6333
  },
  {
    "provinceCode": "13",
    "name": "Sawahlunto",
    "type": "Kota",
    "lat": -0.6,
    "lon": 100.75
  },
  {
    "provinceCode": "13",
    "name": "Pariaman",
    "type": "Kota",
    "lat": -0.6268,
    "lon": 100.1205
  },
  {
    "provinceCode": "14",
    "name": "Pekanbaru",
    "type": "Kota",
    "lat": 0.5333,
    "lon": 101.4667
  },
  {
    "provinceCode": "14",
    "name": "Dumai",
    "type": "Kota",
    "lat": 1.6159,
    "lon": 101.4917
  },
  {
    "provinceCode": "14",
    "name": "Kampar",
    "type": "Kabupaten",
    "lat": 0.2344,
    "lon": 101.2131
  },
  {
    "provinceCode": "14",
    "name": "Siak",
    "type": "Kabupaten",
    "lat": 0.9745,
    "lon": 102.0135
  },
  {
    "provinceCode": "14",
    "name": "Bengkalis",
    "type": "Kabupaten",
    "lat": 0.9838,
    "lon": 102.5096
  },
  {
    "provinceCode": "15",
    "name": "Jambi",
    "type": "Kota",
    "lat": -1.6167,
    "lon": 103.65
  },
  {
    "provinceCode": "15",
    "name": "Sungai Penuh",
    "type": "Kota",
    "lat": -2.109,
    "lon": 101.3217
  },
  {
    "provinceCode": "15",
    "name": "Muaro Jambi",
    "type": "Kabupaten",
    "lat": -1.5521,
    "lon": 103.8216
  },
  {
    "provinceCode": "15",
    "name": "Kerinci",
    "type": "Kabupaten",
    "lat": -2.0333,
    "lon": 101.5333
  },
  {
    "provinceCode": "16",
    "name": "Palembang",
    "type": "Kota",
    "lat": -3,
    "lon": 104.7167
  },
  {
    "provinceCode": "16",
    "name": "Prabumulih",
    "type": "Kota",
    "lat": -3.462,
    "lon": 104.2229
  },
  {
    "provinceCode": "16",
    "name": "Lubuk Linggau",
    "type": "Kota",
    "lat": -3.2931,
    "lon": 102.855
  },
  {
    "provinceCode": "16",
    "name": "Pagar Alam",
    "type": "Kota",
    "lat": -4.1306,
    "lon": 103.2682
  },
  {
    "provinceCode": "16",
    "name": "Ogan Komering Ilir",
    "type": "Kabupaten",
    "lat": -3.3667,
    "lon": 105.3667
  },
  {
    "provinceCode": "17",
    "name": "Bengkulu",
    "type": "Kota",
    "lat": -3.8167,
    "lon": 102.3167
  },
  {
    "provinceCode": "17",
    "name": "Rejang Lebong",
    "type": "Kabupaten",
    "lat": -3.4333,
    "lon": 102.7167
  },
  {
    "provinceCode": "17",
    "name": "Bengkulu Utara",
    "type": "Kabupaten",
    "lat": -3.3333,
    "lon": 102.05
  },
  {
    "provinceCode": "17",
    "name": "Mukomuko",
    "type": "Kabupaten",
    "lat": -3.0744,
    "lon": 101.5477
  },
  {
    "provinceCode": "18",
    "name": "Bandar Lampung",
    "type": "Kota",
    "lat": -5.4167,
    "lon": 105.25
  },
  {
    "provinceCode": "18",
    "name": "Metro",
    "type": "Kota",
    "lat": -5.1186,
    "lon": 105.2995
  },
  {
    "provinceCode": "18",
    "name": "Lampung Selatan",
    "type": "Kabupaten",
    "lat": -5.4531,
    "lon": 104.9877
  },
  {
    "provinceCode": "18",
    "name": "Pringsewu",
    "type": "Kabupaten",
    "lat": -5.4221,
    "lon": 104.9345
  },
  {
    "provinceCode": "19",
    "name": "Pangkalpinang",
    "type": "Kota",
    "lat": -2.1333,
    "lon": 106.1333
  },
  {
    "provinceCode": "19",
    "name": "Bangka",
    "type": "Kabupaten",
    "lat": -1.9167,
    "lon": 105.9333
  },
  {
    "provinceCode": "19",
    "name": "Belitung",
    "type": "Kabupaten",
    "lat": -2.8667,
    "lon": 107.7
  },
  {
    "provinceCode": "21",
    "name": "Batam",
    "type": "Kota",
    "lat": 1.0521,
    "lon": 104.0285
  },
  {
    "provinceCode": "21",
    "name": "Tanjungpinang",
    "type": "Kota",
    "lat": 0.9168,
    "lon": 104.4433
  },
  {
    "provinceCode": "21",
    "name": "Bintan",
    "type": "Kabupaten",
    "lat": 0.95,
    "lon": 104.6194
  },
  {
    "provinceCode": "21",
    "name": "Karimun",
    "type": "Kabupaten",
    "lat": 0.8076,
    "lon": 103.4191
  },
  {
    "provinceCode": "31",
    "name": "Jakarta Pusat",
    "type": "Kota",
    "lat": -6.1777,
    "lon": 106.8403
  },
  {
    "provinceCode": "31",
    "name": "Jakarta Selatan",
    "type": "Kota",
    "lat": -6.266,
    "lon": 106.8135
  },
  {
    "provinceCode": "31",
    "name": "Jakarta Timur",
    "type": "Kota",
    "lat": -6.2521,
    "lon": 106.884
  },
  {
    "provinceCode": "31",
    "name": "Jakarta Barat",
    "type": "Kota",
    "lat": -6.1676,
    "lon": 106.7673
  },
  {
    "provinceCode": "31",
    "name": "Jakarta Utara",
    "type": "Kota",
    "lat": -6.1339,
    "lon": 106.8823
  },
  {
    "provinceCode": "32",
    "name": "Bandung",
    "type": "Kota",
    "lat": -6.9175,
    "lon": 107.6244
  },
  {
    "provinceCode": "32",
    "name": "Bogor",
    "type": "Kota",
    "lat": -6.5917,
    "lon": 106.8
  },
  {
    "provinceCode": "32",
    "name": "Bekasi",
    "type": "Kota",
    "lat": -6.2833,
    "lon": 106.9833
  },
  {
    "provinceCode": "32",
    "name": "Depok",
    "type": "Kota",
    "lat": -6.4,
    "lon": 106.8167
  },
  {
    "provinceCode": "32",
    "name": "Cirebon",
    "type": "Kota",
    "lat": -6.75,
    "lon": 108.55
  },
  {
    "provinceCode": "32",
    "name": "Tasikmalaya",
    "type": "Kota",
    "lat": -7.35,
    "lon": 108.2167
  },
  {
    "provinceCode": "33",
    "name": "Semarang",
    "type": "Kota",
    "lat": -7.0333,
    "lon": 110.3833
  },
  {
    "provinceCode": "33",
    "name": "Surakarta",
    "type": "Kota",
    "lat": -7.55,
    "lon": 110.8167
  },
  {
    "provinceCode": "33",
    "name": "Pekalongan",
    "type": "Kota",
    "lat": -6.9,
    "lon": 109.6833
  },
  {
    "provinceCode": "33",
    "name": "Magelang",
    "type": "Kota",
    "lat": -7.5,
    "lon": 110.225
  },
  {
    "provinceCode": "33",
    "name": "Tegal",
    "type": "Kota",
    "lat": -6.8686,
    "lon": 109.1129
  },
  {
    "provinceCode": "33",
    "name": "Jepara",
    "type": "Kabupaten",
    "lat": -6.5833,
    "lon": 110.7667
  },
  {
    "provinceCode": "34",
    "name": "Yogyakarta",
    "type": "Kota",
    "lat": -7.8,
    "lon": 110.375
  },
  {
    "provinceCode": "34",
    "name": "Sleman",
    "type": "Kabupaten",
    "lat": -7.6817,
    "lon": 110.3233
  },
  {
    "provinceCode": "34",
    "name": "Bantul",
    "type": "Kabupaten",
    "lat": -7.9,
    "lon": 110.3667
  },
  {
    "provinceCode": "34",
    "name": "Gunungkidul",
    "type": "Kabupaten",
    "lat": -7.9833,
    "lon": 110.6167
  },
  {
    "provinceCode": "34",
    "name": "Kulon Progo",
    "type": "Kabupaten",
    "lat": -7.645,
    "lon": 110.0269
  },
  {
    "provinceCode": "35",
    "name": "Surabaya",
    "type": "Kota",
    "lat": -7.2667,
    "lon": 112.7167
  },
  {
    "provinceCode": "35",
    "name": "Malang",
    "type": "Kota",
    "lat": -7.975,
    "lon": 112.6333
  },
  {
    "provinceCode": "35",
    "name": "Kediri",
    "type": "Kota",
    "lat": -7.8333,
    "lon": 112.0167
  },
  {
    "provinceCode": "35",
    "name": "Madiun",
    "type": "Kota",
    "lat": -7.6333,
    "lon": 111.5333
  },
  {
    "provinceCode": "35",
    "name": "Batu",
    "type": "Kota",
    "lat": -7.8327,
    "lon": 112.5375
  },
  {
    "provinceCode": "35",
    "name": "Banyuwangi",
    "type": "Kabupaten",
    "lat": -8.3333,
    "lon": 114.2
  },
  {
    "provinceCode": "36",
    "name": "Serang",
    "type": "Kota",
    "lat": -6.1256,
    "lon": 106.15
  },
  {
    "provinceCode": "36",
    "name": "Tangerang",
    "type": "Kota",
    "lat": -6.1794,
    "lon": 106.6299
  },
  {
    "provinceCode": "36",
    "name": "Cilegon",
    "type": "Kota",
    "lat": -6.0167,
    "lon": 106.0167
  },
  {
    "provinceCode": "36",
    "name": "Tangerang Selatan",
    "type": "Kota",
    "lat": -6.2937,
    "lon": 106.7124
  },
  {
    "provinceCode": "36",
    "name": "Lebak",
    "type": "Kabupaten",
    "lat": -6.65,
    "lon": 106.2167
  },
  {
    "provinceCode": "51",
    "name": "Denpasar",
    "type": "Kota",
    "lat": -8.6667,
    "lon": 115.2166
  },
  {
    "provinceCode": "51",
    "name": "Badung",
    "type": "Kabupaten",
    "lat": -8.5167,
    "lon": 115.2
  },
  {
    "provinceCode": "51",
    "name": "Gianyar",
    "type": "Kabupaten",
    "lat": -8.4667,
    "lon": 115.2833
  },
  {
    "provinceCode": "51",
    "name": "Buleleng",
    "type": "Kabupaten",
    "lat": -8.25,
    "lon": 114.9667
  },
  {
    "provinceCode": "51",
    "name": "Tabanan",
    "type": "Kabupaten",
    "lat": -8.4333,
    "lon": 115.0667
  },
  {
    "provinceCode": "52",
    "name": "Mataram",
    "type": "Kota",
    "lat": -8.5833,
    "lon": 116.1167
  },
  {
    "provinceCode": "52",
    "name": "Bima",
    "type": "Kota",
    "lat": -8.4673,
    "lon": 118.7526
  },
  {
    "provinceCode": "52",
    "name": "Lombok Timur",
    "type": "Kabupaten",
    "lat": -8.5333,
    "lon": 116.5333
  },
  {
    "provinceCode": "52",
    "name": "Sumbawa",
    "type": "Kabupaten",
    "lat": -8.7439,
    "lon": 117.3324
  },
  {
    "provinceCode": "53",
    "name": "Kupang",
    "type": "Kota",
    "lat": -10.2167,
    "lon": 123.6
  },
  {
    "provinceCode": "53",
    "name": "Sikka",
    "type": "Kabupaten",
    "lat": -8.6667,
    "lon": 122.3667
  },
  {
    "provinceCode": "53",
    "name": "Ende",
    "type": "Kabupaten",
    "lat": -8.8406,
    "lon": 121.6639
  },
  {
    "provinceCode": "53",
    "name": "Sumba Timur",
    "type": "Kabupaten",
    "lat": -9.8833,
    "lon": 120.25
  },
  {
    "provinceCode": "53",
    "name": "Manggarai Barat",
    "type": "Kabupaten",
    "lat": -8.6448,
    "lon": 119.8828
  },
  {
    "provinceCode": "61",
    "name": "Pontianak",
    "type": "Kota",
    "lat": -0.0833,
    "lon": 109.3667
  },
  {
    "provinceCode": "61",
    "name": "Singkawang",
    "type": "Kota",
    "lat": 0.9073,
    "lon": 109.001
  },
  {
    "provinceCode": "61",
    "name": "Sambas",
    "type": "Kabupaten",
    "lat": 1.4167,
    "lon": 109.3333
  },
  {
    "provinceCode": "61",
    "name": "Ketapang",
    "type": "Kabupaten",
    "lat": -1.5833,
    "lon": 110.5
  },
  {
    "provinceCode": "62",
    "name": "Palangka Raya",
    "type": "Kota",
    "lat": -1.7698,
    "lon": 113.7313
  },
  {
    "provinceCode": "62",
    "name": "Kotawaringin Timur",
    "type": "Kabupaten",
    "lat": -2.0833,
    "lon": 112.75
  },
  {
    "provinceCode": "62",
    "name": "Kotawaringin Barat",
    "type": "Kabupaten",
    "lat": -2.4,
    "lon": 111.7333
  },
  {
    "provinceCode": "62",
    "name": "Kapuas",
    "type": "Kabupaten",
    "lat": -2.0167,
    "lon": 114.3833
  },
  {
    "provinceCode": "63",
    "name": "Banjarbaru",
    "type": "Kota",
    "lat": -3.4167,
    "lon": 114.8333
  },
  {
    "provinceCode": "63",
    "name": "Banjarmasin",
    "type": "Kota",
    "lat": -3.3244,
    "lon": 114.591
  },
  {
    "provinceCode": "63",
    "name": "Banjar",
    "type": "Kabupaten",
    "lat": -3.3167,
    "lon": 115.0833
  },
  {
    "provinceCode": "63",
    "name": "Hulu Sungai Selatan",
    "type": "Kabupaten",
    "lat": -2.75,
    "lon": 115.2
  },
  {
    "provinceCode": "64",
    "name": "Samarinda",
    "type": "Kota",
    "lat": -0.4333,
    "lon": 117.1833
  },
  {
    "provinceCode": "64",
    "name": "Balikpapan",
    "type": "Kota",
    "lat": -1.1667,
    "lon": 116.8833
  },
  {
    "provinceCode": "64",
    "name": "Bontang",
    "type": "Kota",
    "lat": 0.1253,
    "lon": 117.496
  },
  {
    "provinceCode": "64",
    "name": "Kutai Kartanegara",
    "type": "Kabupaten",
    "lat": -0.4402,
    "lon": 116.9814
  },
  {
    "provinceCode": "65",
    "name": "Tarakan",
    "type": "Kota",
    "lat": 3.3667,
    "lon": 117.6
  },
  {
    "provinceCode": "65",
    "name": "Bulungan",
    "type": "Kabupaten",
    "lat": 3,
    "lon": 117.1667
  },
  {
    "provinceCode": "65",
    "name": "Nunukan",
    "type": "Kabupaten",
    "lat": 4.1333,
    "lon": 116.7
  },
  {
    "provinceCode": "65",
    "name": "Malinau",
    "type": "Kabupaten",
    "lat": 2.45,
    "lon": 115.6833
  },
  {
    "provinceCode": "71",
    "name": "Manado",
    "type": "Kota",
    "lat": 1.5167,
    "lon": 124.8833
  },
  {
    "provinceCode": "71",
    "name": "Bitung",
    "type": "Kota",
    "lat": 1.4833,
    "lon": 125.15
  },
  {
    "provinceCode": "71",
    "name": "Tomohon",
    "type": "Kota",
    "lat": 1.3131,
    "lon": 124.834
  },
  {
    "provinceCode": "71",
    "name": "Kotamobagu",
    "type": "Kota",
    "lat": 0.6892,
    "lon": 124.3268
  },
  {
    "provinceCode": "71",
    "name": "Minahasa",
    "type": "Kabupaten",
    "lat": 1.2537,
    "lon": 124.83
  },
  {
    "provinceCode": "72",
    "name": "Palu",
    "type": "Kota",
    "lat": -0.8697,
    "lon": 119.9
  },
  {
    "provinceCode": "72",
    "name": "Banggai",
    "type": "Kabupaten",
    "lat": -1.2835,
    "lon": 122.8892
  },
  {
    "provinceCode": "72",
    "name": "Poso",
    "type": "Kabupaten",
    "lat": -1.65,
    "lon": 120.5
  },
  {
    "provinceCode": "72",
    "name": "Donggala",
    "type": "Kabupaten",
    "lat": -0.5833,
    "lon": 119.85
  },
  {
    "provinceCode": "73",
    "name": "Makassar",
    "type": "Kota",
    "lat": -5.15,
    "lon": 119.45
  },
  {
    "provinceCode": "73",
    "name": "Parepare",
    "type": "Kota",
    "lat": -4.0333,
    "lon": 119.65
  },
  {
    "provinceCode": "73",
    "name": "Palopo",
    "type": "Kota",
    "lat": -2.9784,
    "lon": 120.1108
  },
  {
    "provinceCode": "73",
    "name": "Gowa",
    "type": "Kabupaten",
    "lat": -5.3167,
    "lon": 119.75
  },
  {
    "provinceCode": "73",
    "name": "Bone",
    "type": "Kabupaten",
    "lat": -4.7,
    "lon": 120.1333
  },
  {
    "provinceCode": "74",
    "name": "Kendari",
    "type": "Kota",
    "lat": -3.9833,
    "lon": 122.5
  },
  {
    "provinceCode": "74",
    "name": "Baubau",
    "type": "Kota",
    "lat": -5.477,
    "lon": 122.6166
  },
  {
    "provinceCode": "74",
    "name": "Kolaka",
    "type": "Kabupaten",
    "lat": -4.0833,
    "lon": 121.6667
  },
  {
    "provinceCode": "74",
    "name": "Muna",
    "type": "Kabupaten",
    "lat": -4.9667,
    "lon": 122.6667
  },
  {
    "provinceCode": "74",
    "name": "Wakatobi",
    "type": "Kabupaten",
    "lat": -5.3193,
    "lon": 123.5948
  },
  {
    "provinceCode": "75",
    "name": "Gorontalo",
    "type": "Kota",
    "lat": 0.5333,
    "lon": 123.1
  },
  {
    "provinceCode": "75",
    "name": "Gorontalo",
    "type": "Kabupaten",
    "lat": 0.5728,
    "lon": 122.2337
  },
  {
    "provinceCode": "75",
    "name": "Boalemo",
    "type": "Kabupaten",
    "lat": 0.6269,
    "lon": 122.3568
  },
  {
    "provinceCode": "75",
    "name": "Pohuwato",
    "type": "Kabupaten",
    "lat": 0.7098,
    "lon": 121.5958
  },
  {
    "provinceCode": "76",
    "name": "Mamuju",
    "type": "Kabupaten",
    "lat": -2.5,
    "lon": 119.4167
  },
  {
    "provinceCode": "76",
    "name": "Polewali Mandar",
    "type": "Kabupaten",
    "lat": -3.3,
    "lon": 119.1667
  },
  {
    "provinceCode": "76",
    "name": "Majene",
    "type": "Kabupaten",
    "lat": -3.15,
    "lon": 118.8667
  },
  {
    "provinceCode": "76",
    "name": "Mamasa",
    "type": "Kabupaten",
    "lat": -2.9649,
    "lon": 119.3063
  },
  {
    "provinceCode": "81",
    "name": "Ambon",
    "type": "Kota",
    "lat": -3.7,
    "lon": 128.1833
  },
  {
    "provinceCode": "81",
    "name": "Tual",
    "type": "Kota",
    "lat": -5.643,
    "lon": 132.7493
  },
  {
    "provinceCode": "81",
    "name": "Maluku Tengah",
    "type": "Kabupaten",
    "lat": -3.2917,
    "lon": 128.9675
  },
  {
    "provinceCode": "81",
    "name": "Maluku Tenggara",
    "type": "Kabupaten",
    "lat": -5.75,
    "lon": 132.7333
  },
  {
    "provinceCode": "82",
    "name": "Ternate",
    "type": "Kota",
    "lat": 0.8962,
    "lon": 127.3102
  },
  {
    "provinceCode": "82",
    "name": "Tidore Kepulauan",
    "type": "Kota",
    "lat": 0.6096,
    "lon": 127.5698
  },
  {
    "provinceCode": "82",
    "name": "Halmahera Utara",
    "type": "Kabupaten",
    "lat": 1.7319,
    "lon": 128.0078
  },
  {
    "provinceCode": "82",
    "name": "Halmahera Barat",
    "type": "Kabupaten",
    "lat": 1.4171,
    "lon": 127.5526
  },
  {
    "provinceCode": "91",
    "name": "Manokwari",
    "type": "Kabupaten",
    "lat": -0.9,
    "lon": 133.75
  },
  {
    "provinceCode": "91",
    "name": "Fakfak",
    "type": "Kabupaten",
    "lat": -2.9264,
    "lon": 132.2961
  },
  {
    "provinceCode": "91",
    "name": "Kaimana",
    "type": "Kabupaten",
    "lat": -3.6609,
    "lon": 133.7745
  },
  {
    "provinceCode": "91",
    "name": "Teluk Bintuni",
    "type": "Kabupaten",
    "lat": -1.8804,
    "lon": 133.3311
  },
  {
    "provinceCode": "92",
    "name": "Sorong",
    "type": "Kota",
    "lat": -0.8651,
    "lon": 131.2515
  },
  {
    "provinceCode": "92",
    "name": "Sorong",
    "type": "Kabupaten",
    "lat": -1.1667,
    "lon": 131.5
  },
  {
    "provinceCode": "92",
    "name": "Raja Ampat",
    "type": "Kabupaten",
    "lat": -0.5,
    "lon": 130
  },
  {
    "provinceCode": "92",
    "name": "Sorong Selatan",
    "type": "Kabupaten",
    "lat": -1.505,
    "lon": 132.2864
  },
  {
    "provinceCode": "94",
    "name": "Jayapura",
    "type": "Kota",
    "lat": -2.6465,
    "lon": 140.7778
  },
  {
    "provinceCode": "94",
    "name": "Jayapura",
    "type": "Kabupaten",
    "lat": -3,
    "lon": 139.95
  },
  {
    "provinceCode": "94",
    "name": "Biak Numfor",
    "type": "Kabupaten",
    "lat": -1.0333,
    "lon": 136
  },
  {
    "provinceCode": "94",
    "name": "Kepulauan Yapen",
    "type": "Kabupaten",
    "lat": -1.7877,
    "lon": 136.2772
  },
  {
    "provinceCode": "95",
    "name": "Merauke",
    "type": "Kabupaten",
    "lat": -7.6667,
    "lon": 139.6667
  },
  {
    "provinceCode": "95",
    "name": "Boven Digoel",
    "type": "Kabupaten",
    "lat": -5.7052,
    "lon": 140.3635
  },
  {
    "provinceCode": "95",
    "name": "Mappi",
    "type": "Kabupaten",
    "lat": -6.4997,
    "lon": 139.3444
  },
  {
    "provinceCode": "95",
    "name": "Asmat",
    "type": "Kabupaten",
    "lat": -5.3795,
    "lon": 138.4634
  },
  {
    "provinceCode": "96",
    "name": "Nabire",
    "type": "Kabupaten",
    "lat": -3.5402,
    "lon": 135.5551
  },
  {
    "provinceCode": "96",
    "name": "Mimika",
    "type": "Kabupaten",
    "lat": -4.5436,
    "lon": 136.5656
  },
  {
    "provinceCode": "96",
    "name": "Paniai",
    "type": "Kabupaten",
    "lat": -3.9,
    "lon": 136.6
  },
  {
    "provinceCode": "96",
    "name": "Dogiyai",
    "type": "Kabupaten",
    "lat": -4.0319,
    "lon": 135.4394
  },
  {
    "provinceCode": "97",
    "name": "Jayawijaya",
    "type": "Kabupaten",
    "lat": -4.0833,
    "lon": 139.0833
  },
  {
    "provinceCode": "97",
    "name": "Yahukimo",
    "type": "Kabupaten",
    "lat": -4.604,
    "lon": 139.584
  },
  {
    "provinceCode": "97",
    "name": "Lanny Jaya",
    "type": "Kabupaten",
    "lat": -3.9124,
    "lon": 138.2877
  },
  {
    "provinceCode": "97",
    "name": "Tolikara",
    "type": "Kabupaten",
    "lat": -3.4266,
    "lon": 137.417
  }
];
