/**
 * The CJK font embedded (subset) in PDF reports. Configured by REPORT_FONT_PATH (default: Debian's
 * fonts-noto-cjk) and, for a font collection (.ttc/.otc), the face's PostScript name
 * REPORT_FONT_FACE; a missing or unreadable file fails with a message that says what to do.
 */
import { readFileSync, statSync } from 'node:fs';

export const DEFAULT_REPORT_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const DEFAULT_REPORT_FONT_FACE = 'NotoSansCJKsc-Regular';

export interface ReportFontConfig {
  path: string;
  face: string | null; // used only for collections
}

/** A font file read into memory, ready for pdfkit. */
export interface ReportFont {
  path: string;
  face: string | null; // set for collections
  data: Buffer;
}

/** The PDF font is missing or unusable: a server configuration problem, with the fix in the message. */
export class ReportFontError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportFontError';
  }
}

const cache = new Map<string, { mtimeMs: number; data: Buffer }>();

/** True for a font collection (several faces in one file). */
export function isFontCollection(path: string): boolean {
  return /\.(ttc|otc)$/i.test(path);
}

/** Reads the configured font (cached per file while it is unchanged). */
export function loadReportFont(config: ReportFontConfig): ReportFont {
  const path = config.path.trim();
  if (path === '') throw new ReportFontError('未配置 PDF 报表字体：请设置 REPORT_FONT_PATH / no report font configured (REPORT_FONT_PATH)');
  let mtimeMs: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new Error('not a file');
    mtimeMs = stats.mtimeMs;
  } catch {
    throw new ReportFontError(
      `PDF 报表字体文件不存在：${path}。请安装中文字体（Debian/Ubuntu：apt-get install fonts-noto-cjk）或将 REPORT_FONT_PATH 设为一个中文 TrueType/OpenType 字体文件 / ` +
        `report font not found: ${path} (install fonts-noto-cjk or set REPORT_FONT_PATH)`,
    );
  }
  let entry = cache.get(path);
  if (entry === undefined || entry.mtimeMs !== mtimeMs) {
    entry = { mtimeMs, data: readFileSync(path) };
    cache.set(path, entry);
  }
  const face = isFontCollection(path) ? (config.face?.trim() || DEFAULT_REPORT_FONT_FACE) : null;
  return { path, face, data: entry.data };
}
