// Generated once from data/kbli_sections.csv, data/umkm_sectors.csv and data/umkm_size_classes.csv
// (KBLI 2020; PP 7/2021 Pasal 35; sources in data/SOURCES.md).
import type { KbliSection, Sector, SizeClassInfo } from './types';

export const KBLI_SECTIONS: readonly KbliSection[] = [
  {
    "code": "A",
    "nameId": "Pertanian, Kehutanan dan Perikanan",
    "nameEn": "Agriculture, Forestry and Fishing"
  },
  {
    "code": "B",
    "nameId": "Pertambangan dan Penggalian",
    "nameEn": "Mining and Quarrying"
  },
  {
    "code": "C",
    "nameId": "Industri Pengolahan",
    "nameEn": "Manufacturing"
  },
  {
    "code": "D",
    "nameId": "Pengadaan Listrik, Gas, Uap/Air Panas dan Udara Dingin",
    "nameEn": "Electricity, Gas, Steam and Air Conditioning Supply"
  },
  {
    "code": "E",
    "nameId": "Treatment Air, Treatment Air Limbah, Treatment dan Pemulihan Material Sampah, dan Aktivitas Remediasi",
    "nameEn": "Water Supply; Sewerage, Waste Management and Remediation Activities"
  },
  {
    "code": "F",
    "nameId": "Konstruksi",
    "nameEn": "Construction"
  },
  {
    "code": "G",
    "nameId": "Perdagangan Besar dan Eceran; Reparasi dan Perawatan Mobil dan Sepeda Motor",
    "nameEn": "Wholesale and Retail Trade; Repair of Motor Vehicles and Motorcycles"
  },
  {
    "code": "H",
    "nameId": "Pengangkutan dan Pergudangan",
    "nameEn": "Transportation and Storage"
  },
  {
    "code": "I",
    "nameId": "Penyediaan Akomodasi dan Penyediaan Makan Minum",
    "nameEn": "Accommodation and Food Service Activities"
  },
  {
    "code": "J",
    "nameId": "Informasi dan Komunikasi",
    "nameEn": "Information and Communication"
  },
  {
    "code": "K",
    "nameId": "Aktivitas Keuangan dan Asuransi",
    "nameEn": "Financial and Insurance Activities"
  },
  {
    "code": "L",
    "nameId": "Real Estat",
    "nameEn": "Real Estate Activities"
  },
  {
    "code": "M",
    "nameId": "Aktivitas Profesional, Ilmiah dan Teknis",
    "nameEn": "Professional, Scientific and Technical Activities"
  },
  {
    "code": "N",
    "nameId": "Aktivitas Penyewaan dan Sewa Guna Usaha Tanpa Hak Opsi, Ketenagakerjaan, Agen Perjalanan dan Penunjang Usaha Lainnya",
    "nameEn": "Administrative and Support Service Activities"
  },
  {
    "code": "O",
    "nameId": "Administrasi Pemerintahan, Pertahanan dan Jaminan Sosial Wajib",
    "nameEn": "Public Administration and Defence; Compulsory Social Security"
  },
  {
    "code": "P",
    "nameId": "Pendidikan",
    "nameEn": "Education"
  },
  {
    "code": "Q",
    "nameId": "Aktivitas Kesehatan Manusia dan Aktivitas Sosial",
    "nameEn": "Human Health and Social Work Activities"
  },
  {
    "code": "R",
    "nameId": "Kesenian, Hiburan dan Rekreasi",
    "nameEn": "Arts, Entertainment and Recreation"
  },
  {
    "code": "S",
    "nameId": "Aktivitas Jasa Lainnya",
    "nameEn": "Other Service Activities"
  },
  {
    "code": "T",
    "nameId": "Aktivitas Rumah Tangga sebagai Pemberi Kerja; Aktivitas yang Menghasilkan Barang dan Jasa oleh Rumah Tangga yang Digunakan untuk Memenuhi Kebutuhan Sendiri",
    "nameEn": "Activities of Households as Employers; Undifferentiated Goods- and Services-Producing Activities of Households for Own Use"
  },
  {
    "code": "U",
    "nameId": "Aktivitas Badan Internasional dan Badan Ekstra Internasional Lainnya",
    "nameEn": "Activities of Extraterritorial Organizations and Bodies"
  }
];

export const SECTORS: readonly Sector[] = [
  {
    "key": "kuliner",
    "nameId": "Kuliner / makanan & minuman",
    "nameEn": "Culinary / food & beverage",
    "kbliSections": [
      "I",
      "C"
    ],
    "kbliDivisions": [
      "56",
      "10",
      "11"
    ],
    "exampleKbli": [
      {
        "code": "56101",
        "name": "Restoran"
      },
      {
        "code": "56102",
        "name": "Rumah/Warung Makan"
      },
      {
        "code": "56103",
        "name": "Kedai Makanan"
      },
      {
        "code": "56104",
        "name": "Penyediaan Makanan Keliling/Tempat Tidak Tetap"
      },
      {
        "code": "56303",
        "name": "Rumah Minum/Kafe"
      },
      {
        "code": "10710",
        "name": "Industri Produk Roti dan Kue"
      },
      {
        "code": "10792",
        "name": "Industri Kue Basah"
      },
      {
        "code": "10794",
        "name": "Industri Kerupuk, Keripik, Peyek dan Sejenisnya"
      },
      {
        "code": "10391",
        "name": "Industri Tempe Kedelai"
      },
      {
        "code": "10392",
        "name": "Industri Tahu Kedelai"
      },
      {
        "code": "10761",
        "name": "Industri Pengolahan Kopi"
      }
    ]
  },
  {
    "key": "fesyen",
    "nameId": "Fesyen / tekstil (batik, tenun, konveksi)",
    "nameEn": "Fashion / textiles (batik, woven cloth, garments)",
    "kbliSections": [
      "C"
    ],
    "kbliDivisions": [
      "13",
      "14",
      "15"
    ],
    "exampleKbli": [
      {
        "code": "13134",
        "name": "Industri Batik"
      },
      {
        "code": "13121",
        "name": "Industri Pertenunan"
      },
      {
        "code": "13122",
        "name": "Industri Kain Tenun Ikat"
      },
      {
        "code": "14111",
        "name": "Industri Pakaian Jadi (Konveksi) dari Tekstil"
      },
      {
        "code": "14120",
        "name": "Penjahitan dan Pembuatan Pakaian Sesuai Pesanan"
      },
      {
        "code": "14302",
        "name": "Industri Pakaian Jadi Sulaman/Bordir"
      },
      {
        "code": "15121",
        "name": "Industri Barang dari Kulit untuk Keperluan Pribadi"
      }
    ]
  },
  {
    "key": "kriya",
    "nameId": "Kriya / kerajinan tangan",
    "nameEn": "Crafts / handicrafts",
    "kbliSections": [
      "C"
    ],
    "kbliDivisions": [
      "16",
      "23",
      "31",
      "32"
    ],
    "exampleKbli": [
      {
        "code": "16292",
        "name": "Industri Barang Anyaman dari Tanaman Bukan Rotan dan Bambu"
      },
      {
        "code": "16293",
        "name": "Industri Kerajinan Ukiran dari Kayu Bukan Mebeller"
      },
      {
        "code": "16294",
        "name": "Industri Alat Dapur dari Kayu, Rotan dan Bambu"
      },
      {
        "code": "23932",
        "name": "Industri Perlengkapan Rumah Tangga dari Tanah Liat/Keramik"
      },
      {
        "code": "31001",
        "name": "Industri Furnitur dari Kayu"
      },
      {
        "code": "31002",
        "name": "Industri Furnitur dari Rotan dan/atau Bambu"
      },
      {
        "code": "32120",
        "name": "Industri Perhiasan Imitasi"
      },
      {
        "code": "32903",
        "name": "Industri Kerajinan YTDL"
      }
    ]
  },
  {
    "key": "perdagangan_eceran",
    "nameId": "Perdagangan eceran (warung, toko kelontong, pedagang pasar, online)",
    "nameEn": "Retail trade (small shops, market stalls, online)",
    "kbliSections": [
      "G"
    ],
    "kbliDivisions": [
      "47"
    ],
    "exampleKbli": [
      {
        "code": "47112",
        "name": "Perdagangan Eceran Berbagai Macam Barang Utamanya Makanan/Minuman/Tembakau Bukan di Minimarket (Tradisional)"
      },
      {
        "code": "47192",
        "name": "Perdagangan Eceran Barang Kelontong"
      },
      {
        "code": "47781",
        "name": "Perdagangan Eceran Barang Kerajinan dari Kayu, Bambu, Rotan, Pandan"
      },
      {
        "code": "47829",
        "name": "Perdagangan Eceran Kaki Lima dan Los Pasar Komoditi Makanan dan Minuman YTDL"
      },
      {
        "code": "47911",
        "name": "Perdagangan Eceran Melalui Media untuk Komoditi Makanan, Minuman, dll"
      }
    ]
  },
  {
    "key": "pertanian",
    "nameId": "Pertanian & perkebunan",
    "nameEn": "Agriculture & plantation crops",
    "kbliSections": [
      "A"
    ],
    "kbliDivisions": [
      "01"
    ],
    "exampleKbli": [
      {
        "code": "01131",
        "name": "Pertanian Hortikultura Sayuran Daun"
      },
      {
        "code": "01132",
        "name": "Pertanian Hortikultura Buah"
      },
      {
        "code": "01283",
        "name": "Pertanian Cabai"
      },
      {
        "code": "01270",
        "name": "Pertanian Tanaman untuk Bahan Minuman (kopi, teh, kakao)"
      },
      {
        "code": "10722",
        "name": "Industri Gula Merah (hilir)"
      }
    ]
  },
  {
    "key": "peternakan",
    "nameId": "Peternakan",
    "nameEn": "Livestock / poultry",
    "kbliSections": [
      "A"
    ],
    "kbliDivisions": [
      "01"
    ],
    "exampleKbli": [
      {
        "code": "01442",
        "name": "Pembibitan dan Budidaya Kambing Potong"
      },
      {
        "code": "01462",
        "name": "Budidaya Ayam Ras Petelur"
      },
      {
        "code": "01464",
        "name": "Budidaya Ayam Lokal dan Persilangannya"
      },
      {
        "code": "01493",
        "name": "Pembibitan dan Budidaya Lebah"
      }
    ]
  },
  {
    "key": "perikanan",
    "nameId": "Perikanan (tangkap & budidaya, olahan ikan)",
    "nameEn": "Fisheries & aquaculture",
    "kbliSections": [
      "A",
      "C"
    ],
    "kbliDivisions": [
      "03",
      "10"
    ],
    "exampleKbli": [
      {
        "code": "03111",
        "name": "Penangkapan Pisces/Ikan Bersirip di Laut"
      },
      {
        "code": "03221",
        "name": "Pembesaran Ikan Air Tawar di Kolam"
      },
      {
        "code": "10213",
        "name": "Industri Pembekuan Ikan"
      }
    ]
  },
  {
    "key": "jasa_perorangan",
    "nameId": "Jasa perorangan (salon, pangkas rambut, reparasi)",
    "nameEn": "Personal services (salons, barbers, repair)",
    "kbliSections": [
      "S"
    ],
    "kbliDivisions": [
      "95",
      "96"
    ],
    "exampleKbli": [
      {
        "code": "96111",
        "name": "Aktivitas Pangkas Rambut"
      },
      {
        "code": "96112",
        "name": "Aktivitas Salon Kecantikan"
      },
      {
        "code": "95230",
        "name": "Reparasi Alas Kaki dan Barang dari Kulit"
      }
    ]
  },
  {
    "key": "pariwisata_akomodasi",
    "nameId": "Akomodasi wisata (homestay/pondok wisata)",
    "nameEn": "Tourism accommodation (homestays)",
    "kbliSections": [
      "I"
    ],
    "kbliDivisions": [
      "55"
    ],
    "exampleKbli": [
      {
        "code": "55130",
        "name": "Pondok Wisata"
      },
      {
        "code": "55199",
        "name": "Penyediaan Akomodasi Jangka Pendek Lainnya"
      }
    ]
  },
  {
    "key": "transportasi",
    "nameId": "Transportasi (ojek, angkutan)",
    "nameEn": "Transport (motorbike taxi etc.)",
    "kbliSections": [
      "H"
    ],
    "kbliDivisions": [
      "49"
    ],
    "exampleKbli": [
      {
        "code": "49424",
        "name": "Angkutan Ojek Motor"
      }
    ]
  }
];

export const SIZE_CLASSES: readonly SizeClassInfo[] = [
  {
    "key": "mikro",
    "nameId": "Usaha Mikro",
    "nameEn": "Micro enterprise",
    "maxCapitalIdr": 1000000000,
    "maxAnnualSalesIdr": 2000000000,
    "legalBasis": "PP 7/2021 Pasal 35 ayat (3)a & (5)a"
  },
  {
    "key": "kecil",
    "nameId": "Usaha Kecil",
    "nameEn": "Small enterprise",
    "maxCapitalIdr": 5000000000,
    "maxAnnualSalesIdr": 15000000000,
    "legalBasis": "PP 7/2021 Pasal 35 ayat (3)b & (5)b"
  },
  {
    "key": "menengah",
    "nameId": "Usaha Menengah",
    "nameEn": "Medium enterprise",
    "maxCapitalIdr": 10000000000,
    "maxAnnualSalesIdr": 50000000000,
    "legalBasis": "PP 7/2021 Pasal 35 ayat (3)c & (5)c"
  }
];
