import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { AppError } from '../http/app-error.ts';

/** A font file able to draw Chinese; `family` names the face inside a collection (.ttc). */
export type CjkFont = { path: string; family?: string };

/** Debian's Noto Sans CJK (package fonts-noto-cjk): the Simplified Chinese face of the collection. */
const KNOWN_FONTS: readonly CjkFont[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
];

/** Lists Chinese-capable fonts through fontconfig as `file<TAB>postscriptname` lines; empty when fc-list is missing. */
function fcListChinese(): string {
  try {
    return execFileSync('fc-list', [':lang=zh', '-f', '%{file}\t%{postscriptname}\n'], {
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return '';
  }
}

/** pdfkit reads TrueType/OpenType files and collections; other formats (Type 1, bitmap) are skipped. */
const isLoadable = (path: string) => /\.(ttf|otf|ttc)$/i.test(path);

/**
 * Finds a font for Chinese label text: Noto Sans CJK where Debian puts it, else any font
 * fontconfig reports for `:lang=zh`. Throws 503 UNAVAILABLE when the host has none, so a missing
 * package is a clear message rather than boxes on a printed label.
 */
export function findCjkFont(
  sources: { known?: readonly CjkFont[]; fcList?: () => string; exists?: (path: string) => boolean } = {},
): CjkFont {
  const exists = sources.exists ?? existsSync;
  for (const font of sources.known ?? KNOWN_FONTS) if (exists(font.path)) return font;
  const listed = (sources.fcList ?? fcListChinese)()
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([path]) => path && isLoadable(path) && exists(path))
    // Prefer Simplified Chinese faces and regular weights when fontconfig offers several.
    .sort(([pa, fa], [pb, fb]) => rank(pa!, fa) - rank(pb!, fb) || (pa! < pb! ? -1 : 1));
  const [path, family] = listed[0] ?? [];
  if (path) return { path, ...(family && /\.ttc$/i.test(path) ? { family } : {}) };
  throw new AppError(
    'UNAVAILABLE',
    'No Chinese font is installed on the server, so labels cannot be printed: install fonts-noto-cjk (or fonts-wqy-microhei)',
    {
      hint: 'apt-get install fonts-noto-cjk',
    },
  );
}

const rank = (path: string, family: string | undefined) => {
  const name = `${path} ${family ?? ''}`;
  return (/sc\b|SC-|CJKsc|GB|Hans/i.test(name) ? 0 : 2) + (/Regular/i.test(name) ? 0 : 1) + (/Droid/i.test(name) ? 4 : 0);
};

let cached: CjkFont | null = null;
/** `findCjkFont` once per process: fonts are not installed while the server runs. */
export function cjkFont(): CjkFont {
  cached ??= findCjkFont();
  return cached;
}
