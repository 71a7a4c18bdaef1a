import type { Translate } from '../../lib/i18n/translate.ts';
import type { LineReason, PlanLine, PlanShortfall } from './api/dispatch.api.ts';

/**
 * Turns the solver's reason codes and numbers into sentences a dispatcher reads ("nearest source with
 * free stock", "short by 3: no stock in the network"). Pure: the caller passes the translate function,
 * so the same code serves Chinese and English and is testable without i18next.
 */

/** Rounds for display: at most two decimals, no trailing zeros (0.30303… → 0.3). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Math.round(value * 100) / 100);
}

/** Why a plan line comes from its source. */
export function lineReasonText(
  line: Pick<PlanLine, 'qty' | 'fromReserve'> & { reason: LineReason | null },
  t: Translate,
): string {
  const reason = line.reason;
  const parts: string[] = [];
  switch (reason?.code) {
    case 'nearest-free-stock':
      parts.push(t('dispatch.reason.nearest'));
      break;
    case 'next-nearest-free-stock':
      parts.push(t('dispatch.reason.nextNearest', { count: reason.nearerSources }));
      break;
    case 'partner-call-off':
      parts.push(t('dispatch.reason.partnerCallOff'));
      break;
    case 'drawn-from-reserve':
      break;
    case undefined:
      parts.push(t('dispatch.reason.unexplained'));
      break;
  }
  // Any draw below a reserve floor is said in words, whatever the main reason was.
  if (line.fromReserve > 0) {
    parts.push(
      line.fromReserve >= line.qty
        ? t('dispatch.reason.drawnFromReserve', { reserve: line.fromReserve })
        : t('dispatch.reason.drawnFromReservePart', { reserve: line.fromReserve, free: line.qty - line.fromReserve }),
    );
  } else if (reason?.code === 'drawn-from-reserve') {
    parts.push(t('dispatch.reason.drawnFromReserve', { reserve: line.qty }));
  }
  return parts.join(t('dispatch.reason.separator'));
}

/** Why an incident is short of an item, with the numbers behind it. */
export function shortfallReasonText(shortfall: Pick<PlanShortfall, 'qty' | 'reason'>, t: Translate): string {
  const r = shortfall.reason;
  const qty = shortfall.qty;
  switch (r?.code) {
    case 'no-stock-in-network':
      return t('dispatch.shortfall.noStock', { qty });
    case 'unreachable':
      return t('dispatch.shortfall.unreachable', { qty, network: r.networkStock, reachable: r.reachableStock });
    case 'taken-by-higher-priority':
      return t('dispatch.shortfall.higherPriority', { qty, taken: r.takenByHigherPriority });
    case 'taken-by-equal-priority':
      return t('dispatch.shortfall.equalPriority', { qty, taken: r.takenByEqualPriority });
    case 'reserve-protected':
      return t('dispatch.shortfall.reserveProtected', { qty, reserve: r.protectedReserve });
    case undefined:
      return t('dispatch.shortfall.short', { qty });
  }
}

const WHY_PATTERNS: { pattern: RegExp; key: string; names: string[] }[] = [
  { pattern: /^(\d+) SCBA wearers × ([\d.]+) h × ([\d.]+)$/, key: 'dispatch.why.scba', names: ['wearers', 'hours', 'rate'] },
  { pattern: /^(\d+) people × ([\d.]+) d × ([\d.]+)$/, key: 'dispatch.why.personDay', names: ['people', 'days', 'rate'] },
  { pattern: /^(\d+) people × ([\d.]+)$/, key: 'dispatch.why.person', names: ['people', 'rate'] },
  {
    pattern: /^(\d+) generators × ([\d.]+) h × ([\d.]+)$/,
    key: 'dispatch.why.generator',
    names: ['generators', 'hours', 'rate'],
  },
  { pattern: /^module (\S+) × (\d+)$/, key: 'dispatch.why.module', names: ['module', 'qty'] },
  { pattern: /^pre-plan item$/, key: 'dispatch.why.fixed', names: [] },
];

/**
 * The pre-plan arithmetic of a demand line in the UI language. The server writes it in English
 * ("40 people × 0.25 d × 3; module LIVING × 1"); parts it does not recognise are kept as they are.
 */
export function whyText(why: string, t: Translate): string {
  return why
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      for (const { pattern, key, names } of WHY_PATTERNS) {
        const match = pattern.exec(part);
        if (!match) continue;
        const vars: Record<string, string> = {};
        names.forEach((name, index) => {
          const raw = match[index + 1] ?? '';
          vars[name] = /^[\d.]+$/.test(raw) ? formatNumber(Number(raw)) : raw;
        });
        return t(key, vars);
      }
      return part;
    })
    .join(t('dispatch.reason.separator'));
}

/** Minutes as "12 min" / "2 h 05 min" (rounded up to whole minutes, never "0 min" for a real trip). */
export function durationText(minutes: number, t: Translate): string {
  const whole = Math.max(0, Math.ceil(minutes - 1e-9));
  if (whole < 60) return t('dispatch.duration.minutes', { minutes: whole });
  return t('dispatch.duration.hours', { hours: Math.floor(whole / 60), minutes: String(whole % 60).padStart(2, '0') });
}

/** Alarm level in words and colour name: severity is never shown by colour alone. */
export function alarmLevelText(level: number, t: Translate): string {
  return t('dispatch.alarm.level', { level, colour: t(`dispatch.alarm.colour${Math.min(5, Math.max(1, Math.round(level)))}`) });
}
