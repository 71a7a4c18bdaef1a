import { translator } from '../../lib/i18n/translate.ts';
import { describe, expect, it } from 'vitest';
import { zh } from '../../lib/i18n/zh.ts';
import { en } from '../../lib/i18n/en.ts';
import type { ShortfallReason } from './api/dispatch.api.ts';
import { alarmLevelText, durationText, formatNumber, lineReasonText, shortfallReasonText, whyText } from './reason-text.ts';

const tZh = translator(zh);
const tEn = translator(en);

const shortfall = (over: Partial<ShortfallReason>): ShortfallReason => ({
  code: 'no-stock-in-network',
  qty: 3,
  networkStock: 0,
  reachableStock: 0,
  takenByHigherPriority: 0,
  takenByEqualPriority: 0,
  protectedReserve: 0,
  ...over,
});

describe('lineReasonText', () => {
  it('names the nearest source with free stock', () => {
    const line = { qty: 5, fromReserve: 0, reason: { code: 'nearest-free-stock' as const, nearerSources: 0 } };
    expect(lineReasonText(line, tZh)).toBe('最近的有库存节点');
    expect(lineReasonText(line, tEn)).toBe('nearest source with free stock');
  });

  it('says how many nearer sources were used up', () => {
    const line = { qty: 5, fromReserve: 0, reason: { code: 'next-nearest-free-stock' as const, nearerSources: 2 } };
    expect(lineReasonText(line, tEn)).toBe(
      '2 nearer sources ran out or were needed elsewhere: next-nearest source with free stock',
    );
    expect(lineReasonText(line, tZh)).toContain('更近的 2 个节点');
  });

  it('explains a draw from reserve with the number of units', () => {
    const line = { qty: 1, fromReserve: 1, reason: { code: 'drawn-from-reserve' as const, nearerSources: 0 } };
    expect(lineReasonText(line, tZh)).toBe('从储备中调用 1 件：其他节点无法到达');
    expect(lineReasonText(line, tEn)).toBe('1 drawn from reserve because nothing else could reach');
  });

  it('splits a line that is partly free stock and partly reserve', () => {
    const line = { qty: 10, fromReserve: 4, reason: { code: 'drawn-from-reserve' as const, nearerSources: 0 } };
    expect(lineReasonText(line, tEn)).toBe('6 from free stock and 4 drawn from reserve because nothing else could reach');
  });

  it('keeps the partner call-off and adds the reserve part when both apply', () => {
    const line = { qty: 9, fromReserve: 2, reason: { code: 'partner-call-off' as const, nearerSources: 1 } };
    expect(lineReasonText(line, tZh)).toBe('按代储协议向社会联动单位调用；空闲库存 7 件，另从储备中调用 2 件：其他节点无法到达');
  });

  it('still says something when the server gave no reason', () => {
    expect(lineReasonText({ qty: 1, fromReserve: 0, reason: null }, tEn)).toBe('chosen by the plan');
  });
});

describe('shortfallReasonText', () => {
  it('says "short by" with the quantity and the cause', () => {
    expect(shortfallReasonText({ qty: 3, reason: shortfall({}) }, tZh)).toBe('缺 3 件：全网无库存');
    expect(shortfallReasonText({ qty: 3, reason: shortfall({}) }, tEn)).toBe('short by 3: no stock in the network');
  });

  it('gives the numbers behind each cause', () => {
    expect(
      shortfallReasonText({ qty: 4, reason: shortfall({ code: 'unreachable', networkStock: 20, reachableStock: 2 }) }, tEn),
    ).toBe('short by 4: 20 held in the network, only 2 can reach the scene');
    expect(
      shortfallReasonText({ qty: 5, reason: shortfall({ code: 'taken-by-higher-priority', takenByHigherPriority: 12 }) }, tEn),
    ).toContain('12 that could reach went to more urgent');
    expect(
      shortfallReasonText({ qty: 5, reason: shortfall({ code: 'taken-by-equal-priority', takenByEqualPriority: 7 }) }, tZh),
    ).toContain('同等优先级');
    expect(shortfallReasonText({ qty: 2, reason: shortfall({ code: 'reserve-protected', protectedReserve: 6 }) }, tZh)).toBe(
      '缺 2 件：只剩储备定额 6 件，储备为硬约束不动用',
    );
  });

  it('falls back to the bare quantity without a reason', () => {
    expect(shortfallReasonText({ qty: 8, reason: null }, tEn)).toBe('short by 8');
  });
});

describe('whyText', () => {
  it('translates the pre-plan arithmetic and rounds long decimals', () => {
    expect(whyText('40 people × 0.25 d × 0.30303030303030304', tZh)).toBe('40 人 × 0.25 天 × 0.3');
    expect(whyText('10 SCBA wearers × 6 h × 2', tZh)).toBe('10 名空呼佩戴人员 × 6 小时 × 2');
    expect(whyText('3 generators × 6 h × 2.5', tEn)).toBe('3 generators × 6 h × 2.5');
  });

  it('translates each part of a combined reason and keeps unknown parts', () => {
    expect(whyText('module LIVING × 1; pre-plan item; something new', tZh)).toBe('LIVING 模块 × 1；预案固定物资；something new');
  });
});

describe('durationText and alarmLevelText', () => {
  it('rounds minutes up and switches to hours past one hour', () => {
    expect(durationText(12.3, tZh)).toBe('13 分钟');
    expect(durationText(0.5, tEn)).toBe('1 min');
    expect(durationText(125, tEn)).toBe('2 h 05 min');
  });

  it('names the alarm level with words, not colour alone', () => {
    expect(alarmLevelText(4, tZh)).toBe('4 级（橙）');
    expect(alarmLevelText(1, tEn)).toBe('Level 1 (green)');
  });

  it('formats numbers with at most two decimals', () => {
    expect(formatNumber(0.30303)).toBe('0.3');
    expect(formatNumber(12)).toBe('12');
  });
});
