import { Injectable } from '@nestjs/common';
import type { DatasetReading } from '@jixiao/contracts';
import { readDisclosureText } from '@jixiao/contracts/dataset';
import type { DatasetReader, ReaderInput } from './dataset-reader';

/**
 * Reads a published 绩效目标表 pasted as text (issue 11: copied out of a PDF or web page, cells wrapped
 * across lines, columns run together) through the pure reader readDisclosureText. An empty or
 * unreadable text is not refused here: the reading's problems say why, and the preview's blockers
 * (nothing read) keep it from being committed.
 */
@Injectable()
export class DisclosureTextReader implements DatasetReader {
  read(input: ReaderInput): Promise<DatasetReading> {
    if (input.kind !== 'text') throw new Error('DisclosureTextReader reads texts');
    return Promise.resolve(readDisclosureText(input.text, { fiscalYear: input.fiscalYear ?? undefined, region: input.region }));
  }
}
