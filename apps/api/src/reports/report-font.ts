/**
 * The CJK font embedded (subset) in PDF reports. Configured by REPORT_FONT_PATH (default: Debian's
 * fonts-noto-cjk) and, for a font collection (.ttc/.otc), the face's PostScript name
 * REPORT_FONT_FACE; a missing or unreadable file fails with a message that says what to do.
 *
 * The file is read and parsed (fontkit) once and the parsed face is shared by every PDF: parsing a
 * document's own copy — its CFF table of 65,535 glyphs, its layout tables — was most of a PDF's
 * time. fontkit keeps what it decodes (tables, glyphs and their outlines) on the face, so later
 * documents reuse it; pdfkit takes the parsed face as it is and keeps each document's subset and
 * layout cache to the document. One face is cached (the last one asked for), not one per document.
 * The glyphs fontkit keeps on the face are let go before each document (resetGlyphCache): a cached
 * glyph carries the character it was first asked for, and pdfkit writes that character into the
 * PDF's text layer — a glyph shared by two characters (⼈ KANGXI RADICAL MAN and 人) would otherwise
 * make one document's text depend on the documents before it; and kept glyphs (about 12 KB each with
 * their outlines) would grow towards the face's 65,535.
 */
import { createRequire } from 'node:module';
import { readFileSync, statSync } from 'node:fs';

export const DEFAULT_REPORT_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const DEFAULT_REPORT_FONT_FACE = 'NotoSansCJKsc-Regular';

export interface ReportFontConfig {
  path: string;
  face: string | null; // used only for collections
}

/** A face parsed by fontkit, as pdfkit's font() takes it (pdfkit uses it as is when it has layout()). */
export interface ParsedFontFace {
  postscriptName: string;
  layout(text: string): unknown;
}

/** The configured font, parsed, ready for pdfkit. */
export interface ReportFont {
  path: string;
  face: string | null; // set for collections
  parsed: ParsedFontFace;
}

/** The PDF font is missing or unusable: a server configuration problem, with the fix in the message. */
export class ReportFontError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportFontError';
  }
}

interface Fontkit {
  create(data: Uint8Array, postscriptName?: string): unknown;
}

/** The fontkit pdfkit itself uses (its own dependency), so that pdfkit knows the faces it parses. */
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as Fontkit;

/** The one cached face: dropped when the file changes or another path or face is asked for. */
let cached: { path: string; face: string | null; mtimeMs: number; size: number; font: ReportFont } | null = null;

/** True for a font collection (several faces in one file). */
export function isFontCollection(path: string): boolean {
  return /\.(ttc|otc)$/i.test(path);
}

/** Reads and parses the configured font (cached while the file, path and face are unchanged). */
export function loadReportFont(config: ReportFontConfig): ReportFont {
  const path = config.path.trim();
  if (path === '') throw new ReportFontError('未配置 PDF 报表字体：请设置 REPORT_FONT_PATH / no report font configured (REPORT_FONT_PATH)');
  let mtimeMs: number;
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new Error('not a file');
    mtimeMs = stats.mtimeMs;
    size = stats.size;
  } catch {
    throw new ReportFontError(
      `PDF 报表字体文件不存在：${path}。请安装中文字体（Debian/Ubuntu：apt-get install fonts-noto-cjk）或将 REPORT_FONT_PATH 设为一个中文 TrueType/OpenType 字体文件 / ` +
        `report font not found: ${path} (install fonts-noto-cjk or set REPORT_FONT_PATH)`,
    );
  }
  const face = isFontCollection(path) ? (config.face?.trim() || DEFAULT_REPORT_FONT_FACE) : null;
  if (cached !== null && cached.path === path && cached.face === face && cached.mtimeMs === mtimeMs && cached.size === size) return cached.font;
  cached = null; // let the old face go before parsing another
  const font: ReportFont = { path, face, parsed: parseFace(path, face) };
  cached = { path, face, mtimeMs, size, font };
  return font;
}

function parseFace(path: string, face: string | null): ParsedFontFace {
  let parsed: unknown;
  try {
    parsed = fontkit.create(readFileSync(path), face ?? undefined);
  } catch (caught) {
    throw unusable(path, face, caught instanceof Error ? caught.message : String(caught));
  }
  if (!isParsedFace(parsed)) throw unusable(path, face, face === null ? 'not a single font face' : 'face not found in the collection');
  return parsed;
}

function isParsedFace(value: unknown): value is ParsedFontFace {
  return typeof value === 'object' && value !== null && typeof (value as { layout?: unknown }).layout === 'function';
}

function unusable(path: string, face: string | null, reason: string): ReportFontError {
  return new ReportFontError(
    `PDF 报表字体无法使用：${path}${face ? `（字体 ${face}）` : ''}：${reason}。请检查 REPORT_FONT_PATH / REPORT_FONT_FACE / report font unusable`,
  );
}

/**
 * Before each document: the face's glyphs let go, so that the document is written as from a face
 * parsed for it alone (documents are drawn synchronously, one at a time, from open to end).
 */
export function resetGlyphCache(font: ReportFont): void {
  glyphCache(font.parsed)?.clear();
}

/** How many glyphs (with their outlines) the parsed face holds now. */
export function cachedGlyphs(font: ReportFont): number {
  return glyphCache(font.parsed)?.count() ?? 0;
}

/**
 * fontkit's glyph cache on a face (its `_glyphs`, glyph id → glyph with its outline and the
 * characters it was first asked for; getGlyph fills it again as needed).
 */
function glyphCache(face: ParsedFontFace): { count(): number; clear(): void } | null {
  const holder = face as unknown as { _glyphs?: unknown };
  if (typeof holder._glyphs !== 'object' || holder._glyphs === null) return null;
  return {
    count: () => Object.keys(holder._glyphs as object).length,
    clear: () => {
      holder._glyphs = {};
    },
  };
}
