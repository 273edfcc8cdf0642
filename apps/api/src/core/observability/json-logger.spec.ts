import { AppLogger, logsAsJson } from './json-logger';
import { acceptRequestId, runWithRequestId } from './request-context';

function capture(work: () => void): string[] {
  const written: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    work();
  } finally {
    spy.mockRestore();
  }
  return written.join('').split('\n').filter((l) => l !== '');
}

describe(AppLogger.name, () => {
  it('writes one JSON object per line with time, level, context and the request id of the request being served', async () => {
    const logger = new AppLogger({ json: true, logLevels: ['log', 'warn', 'error'] });
    const lines = capture(() => {
      runWithRequestId('req-1', () => logger.log('saved', 'SheetEditor'));
      logger.log('outside any request', 'Boot');
    });
    const [inside, outside] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(inside).toMatchObject({ level: 'log', context: 'SheetEditor', message: 'saved', requestId: 'req-1', pid: process.pid });
    expect(new Date(String(inside!['time'])).toISOString()).toBe(inside!['time']);
    expect(outside).not.toHaveProperty('requestId');
  });

  it('keeps the request id across awaits', async () => {
    const logger = new AppLogger({ json: true, logLevels: ['log'] });
    let lines: string[] = [];
    await runWithRequestId('req-2', async () => {
      await new Promise((r) => setTimeout(r, 5));
      lines = capture(() => logger.log('later'));
    });
    expect(JSON.parse(lines[0]!)).toMatchObject({ message: 'later', requestId: 'req-2' });
  });

  it('names the request id in the readable format too', () => {
    const logger = new AppLogger({ json: false, logLevels: ['log'] });
    const [line] = capture(() => runWithRequestId('req-3', () => logger.log('saved', 'SheetEditor')));
    expect(line).toContain('[SheetEditor req-3]');
    expect(line).toContain('saved');
  });

  it('logs JSON when LOG_FORMAT=json or in production unless told otherwise', () => {
    expect(logsAsJson({ NODE_ENV: 'production' })).toBe(true);
    expect(logsAsJson({ NODE_ENV: 'development' })).toBe(false);
    expect(logsAsJson({ NODE_ENV: 'development', LOG_FORMAT: 'json' })).toBe(true);
    expect(logsAsJson({ NODE_ENV: 'production', LOG_FORMAT: 'text' })).toBe(false);
  });

  it("keeps a sane client request id and replaces anything else", () => {
    expect(acceptRequestId('lb-7f3a:0001.x_y')).toBe('lb-7f3a:0001.x_y');
    for (const bad of [undefined, '', 'a b', '<script>', 'x'.repeat(65)]) expect(acceptRequestId(bad)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
