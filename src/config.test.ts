/**
 * The one validated configuration: the web app's upload caps (issue 13, defect 10) are set by
 * environment, in bytes or with a unit, and a bad value stops start-up naming the variable.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMITS, loadConfig, parseSize } from './config.js';

describe('configuration', () => {
  it('reads sizes in bytes or with a unit', () => {
    expect(parseSize('1048576')).toBe(1048576);
    expect(parseSize('2GiB')).toBe(2 * 1024 ** 3);
    expect(parseSize('1.5 GiB')).toBe(1.5 * 1024 ** 3);
    expect(parseSize('500MB')).toBe(500_000_000);
    expect(parseSize('500mb')).toBe(500_000_000);
    expect(parseSize('2 gigabytes')).toBeUndefined();
    expect(parseSize('-1GiB')).toBeUndefined();
  });

  it('defaults the upload caps to 2 GiB uploaded, 16 GiB unpacked, 24 hours', () => {
    expect(loadConfig({}).uploadLimits).toEqual(DEFAULT_UPLOAD_LIMITS);
    expect(DEFAULT_UPLOAD_LIMITS).toEqual({
      batchBytes: 2 * 1024 ** 3,
      unpackedBytes: 16 * 1024 ** 3,
      abandonedHours: 24,
    });
  });

  it('takes the upload caps from the environment', () => {
    const config = loadConfig({
      STRA_UPLOAD_MAX_BYTES: '500MB',
      STRA_UPLOAD_MAX_UNPACKED_BYTES: '4GiB',
      STRA_UPLOAD_ABANDONED_HOURS: '6',
    });
    expect(config.uploadLimits).toEqual({ batchBytes: 500_000_000, unpackedBytes: 4 * 1024 ** 3, abandonedHours: 6 });
  });

  it.each([
    [
      { STRA_UPLOAD_MAX_BYTES: 'lots' },
      /STRA_UPLOAD_MAX_BYTES: expected a size such as 2GiB, 500MB or 1048576 \(bytes\), got 'lots'/,
    ],
    [{ STRA_UPLOAD_MAX_BYTES: '0' }, /STRA_UPLOAD_MAX_BYTES: expected a size/],
    [{ STRA_UPLOAD_MAX_UNPACKED_BYTES: '3 parsecs' }, /STRA_UPLOAD_MAX_UNPACKED_BYTES: expected a size/],
    [
      { STRA_UPLOAD_ABANDONED_HOURS: 'soon' },
      /STRA_UPLOAD_ABANDONED_HOURS: expected a number of hours between 0.01 and 8760, such as 24/,
    ],
    [
      { STRA_UPLOAD_ABANDONED_HOURS: '0' },
      /STRA_UPLOAD_ABANDONED_HOURS: expected a number of hours between 0.01 and 8760/,
    ],
    [
      { STRA_UPLOAD_MAX_BYTES: '4GiB', STRA_UPLOAD_MAX_UNPACKED_BYTES: '1GiB' },
      /STRA_UPLOAD_MAX_UNPACKED_BYTES \(1073741824 bytes\) is smaller than STRA_UPLOAD_MAX_BYTES \(4294967296 bytes\)/,
    ],
  ])('refuses %o at start-up, naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
