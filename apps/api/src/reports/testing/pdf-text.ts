/**
 * A small text extractor for the PDFs pdfkit writes, for tests: inflates the streams, reads the
 * fonts' ToUnicode CMaps and decodes the hex glyph strings of every Tj/TJ — the way real
 * extractors recover the text of a subset CID font. Not a general PDF parser.
 */
import { inflateSync } from 'node:zlib';

export interface PdfText {
  pages: number;
  /** One entry per text-showing operation, in drawing order. */
  fragments: string[];
  /** Every fragment joined without separators (text wrapped inside a cell reads as one). */
  joined: string;
  mediaBoxes: string[];
}

export function extractPdfText(pdf: Buffer): PdfText {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  const streamPattern = /(?<!end)stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streamPattern.exec(raw)) !== null) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = pdf.subarray(start, end).subarray(0, raw[end - 1] === '\n' ? -1 : undefined);
    try {
      streams.push(inflateSync(bytes).toString('latin1'));
    } catch {
      streams.push(bytes.toString('latin1')); // not deflated
    }
    streamPattern.lastIndex = end + 'endstream'.length;
  }

  const cmap = new Map<number, string>();
  for (const stream of streams.filter((text) => text.includes('begincmap'))) readCMap(stream, cmap);

  const fragments: string[] = [];
  for (const stream of streams.filter((text) => /T[Jj]/.test(text) && text.includes('BT'))) {
    const show = /\[((?:<[0-9a-fA-F]*>|[\s\d.-])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g;
    let operation: RegExpExecArray | null;
    while ((operation = show.exec(stream)) !== null) {
      const hexes = operation[1] !== undefined ? [...operation[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]!) : [operation[2]!];
      fragments.push(hexes.map((hex) => decodeGlyphs(hex, cmap)).join(''));
    }
  }
  return {
    pages: (raw.match(/\/Type \/Page\b(?!s)/g) ?? []).length,
    fragments,
    joined: fragments.join(''),
    mediaBoxes: [...raw.matchAll(/\/MediaBox \[([^\]]*)\]/g)].map((m) => m[1]!.trim().replace(/\s+/g, ' ')),
  };
}

function utf16(hex: string): string {
  let text = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) text += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return text;
}

function readCMap(stream: string, cmap: Map<number, string>): void {
  for (const block of stream.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) cmap.set(parseInt(pair[1]!, 16), utf16(pair[2]!));
  }
  for (const block of stream.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const low = parseInt(range[1]!, 16);
      const high = parseInt(range[2]!, 16);
      const target = range[3]!;
      if (target.startsWith('[')) {
        const values = [...target.matchAll(/<([0-9a-fA-F]+)>/g)].map((m) => m[1]!);
        values.forEach((value, index) => {
          if (low + index <= high) cmap.set(low + index, utf16(value));
        });
      } else {
        const start = parseInt(target.slice(1, -1), 16);
        for (let code = low; code <= high; code += 1) cmap.set(code, String.fromCharCode(start + code - low));
      }
    }
  }
}

function decodeGlyphs(hex: string, cmap: Map<number, string>): string {
  let text = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) text += cmap.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
  return text;
}
