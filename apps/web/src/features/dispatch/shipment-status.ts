import type { Translate } from '../../lib/i18n/translate.ts';
import type { Shipment } from './api/dispatch.api.ts';
import { durationText } from './reason-text.ts';

/**
 * The live line under a shipment's state: "arrives in 7 min" while under way (counting down from
 * the ETA), "overdue by 2 min" past it, the trip length before departure, the time of arrival after.
 */
export function shipmentTimeText(
  shipment: Pick<Shipment, 'state' | 'eta' | 'travelMinutes' | 'arrivedAt'>,
  now: number,
  t: Translate,
  formatTime: (iso: string) => string,
): string {
  switch (shipment.state) {
    case 'in-transit': {
      const left = (Date.parse(shipment.eta) - now) / 60_000;
      return left >= 0
        ? t('dispatch.shipments.etaIn', { time: durationText(left, t) })
        : t('dispatch.shipments.overdue', { time: durationText(-left, t) });
    }
    case 'delivered':
      return shipment.arrivedAt ? t('dispatch.shipments.arrivedAt', { time: formatTime(shipment.arrivedAt) }) : '';
    case 'picking':
    case 'packed':
      return t('dispatch.shipments.waiting', { time: durationText(shipment.travelMinutes, t) });
    case 'cancelled':
      return '';
  }
}

/** Lines picked and lines in all, for the progress bar of a pick list. */
export function pickProgress(shipment: Pick<Shipment, 'lines'>): { picked: number; total: number; percent: number } {
  const total = shipment.lines.length;
  const picked = shipment.lines.filter((l) => l.picked).length;
  return { picked, total, percent: total === 0 ? 100 : Math.round((picked / total) * 100) };
}

/** The code a keeper scans for a line: the asset code, else the lot number, else (bulk) the item code. */
export function pickCodeOf(line: Shipment['lines'][number]): string {
  return line.assetCode ?? line.lotNo ?? line.itemCode;
}
