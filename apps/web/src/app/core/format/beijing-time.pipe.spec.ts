import { BeijingTimePipe } from './beijing-time.pipe';

describe(BeijingTimePipe.name, () => {
  const sut = new BeijingTimePipe();

  it('shows an instant from the API in 北京时间, whatever the browser zone', () => {
    expect(sut.transform('2025-01-20T08:00:00.000Z')).toBe('2025-01-20 16:00');
    expect(sut.transform('2024-12-31T16:00:05.000Z', 'second')).toBe('2025-01-01 00:00:05');
    expect(sut.transform('2024-12-31T16:00:05.000Z', 'date')).toBe('2025-01-01');
  });

  it('shows a dash when there is no time', () => {
    expect(sut.transform(null)).toBe('—');
    expect(sut.transform(undefined)).toBe('—');
    expect(sut.transform('')).toBe('—');
  });
});
