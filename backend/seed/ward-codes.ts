/** GSO codes of Uông Bí's wards and communes, named so the catalogues read like a map. */
export const WARD = {
  vangDanh: "06808",
  thanhSon: "06811",
  bacSon: "06814",
  quangTrung: "06817",
  trungVuong: "06820",
  namKhe: "06823",
  yenThanh: "06826",
  thuongYenCong: "06829",
  phuongDong: "06832",
  phuongNam: "06835",
  dienCong: "07141",
} as const;
