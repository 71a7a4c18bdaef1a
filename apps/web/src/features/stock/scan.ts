/**
 * Scanned codes: what a keyboard-wedge handheld types (a code, then Enter) or a camera decodes.
 * Pure so it can be tested without a browser.
 */

/** Cleans one scan: strips control characters (some wedges send GS/RS separators or a stray CR), trims. */
export function normaliseScan(raw: string): string {
  return raw.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
}

/**
 * Reads a QR payload into the code it carries. Labels may encode a plain code (`LPS-000123`), a
 * `zq:` URI (`zq:asset:LPS-000123`) or a link into the app (`https://…/#/assets/LPS-000123` or
 * `…?code=LPS-000123`); all give the bare code.
 */
export function codeOfScan(raw: string): string {
  const text = normaliseScan(raw);
  if (!text) return '';
  const uri = /^zq:(?:[a-z-]+:)?(.+)$/i.exec(text);
  if (uri?.[1]) return uri[1].trim();
  if (/^https?:\/\//i.test(text)) {
    try {
      const url = new URL(text);
      const inHash = new URLSearchParams(url.hash.includes('?') ? url.hash.slice(url.hash.indexOf('?') + 1) : '').get('code');
      const fromQuery = url.searchParams.get('code') ?? inHash;
      if (fromQuery) return fromQuery.trim();
      const path = (url.hash.replace(/^#/, '').split('?')[0] || url.pathname).split('/').filter(Boolean);
      const last = path[path.length - 1];
      if (last) return decodeURIComponent(last);
    } catch {
      return text;
    }
  }
  return text;
}

/** Splits pasted or batch-scanned text (newlines, tabs, commas, semicolons) into codes, dropping blanks. */
export function splitScans(text: string): string[] {
  return text
    .split(/[\r\n\t,;，；]+/)
    .map(codeOfScan)
    .filter((code) => code.length > 0);
}

/**
 * Adds serials to a list, keeping the order and refusing repeats (a double scan of one label must not
 * create two assets). Returns the new list and the codes that were already there.
 */
export function appendSerials(
  current: readonly string[],
  scanned: readonly string[],
): { serials: string[]; duplicates: string[] } {
  const seen = new Set(current);
  const serials = [...current];
  const duplicates: string[] = [];
  for (const code of scanned) {
    if (seen.has(code)) duplicates.push(code);
    else {
      seen.add(code);
      serials.push(code);
    }
  }
  return { serials, duplicates };
}

/** Cameras open only in a secure context: HTTPS, or localhost during development. */
export function cameraBlockedReason(env: {
  isSecureContext: boolean;
  hasMediaDevices: boolean;
}): 'insecure' | 'unsupported' | undefined {
  if (!env.isSecureContext) return 'insecure';
  if (!env.hasMediaDevices) return 'unsupported';
  return undefined;
}
