/** A WGS-84 position in decimal degrees (latitude north, longitude east). */
export interface LatLng {
  lat: number;
  lng: number;
}

/** Mean Earth radius (IUGG), km: the sphere the great-circle figures use. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** True when both coordinates are finite and within [−90, 90] × [−180, 180]. */
export function isValidLatLng(lat: unknown, lng: unknown): boolean {
  return (
    typeof lat === 'number' &&
    typeof lng === 'number' &&
    Number.isFinite(lat) &&
    Number.isFinite(lng) &&
    lat >= -90 &&
    lat <= 90 &&
    lng >= -180 &&
    lng <= 180
  );
}

/** Great-circle distance in km between two positions (haversine formula on a sphere). */
export function haversineKm(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const dLat = (bLat - aLat) * RAD;
  const dLng = (bLng - aLng) * RAD;
  const s = Math.sin(dLat / 2);
  const t = Math.sin(dLng / 2);
  const h = s * s + Math.cos(aLat * RAD) * Math.cos(bLat * RAD) * t * t;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** `haversineKm` for two `LatLng` values. */
export function greatCircleKm(a: LatLng, b: LatLng): number {
  return haversineKm(a.lat, a.lng, b.lat, b.lng);
}
