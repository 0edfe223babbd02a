import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withTimeLimit } from '../../utils/time-limit';

describe('withTimeLimit', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('gives the value of a call that settles in time', async () => {
    await expect(withTimeLimit(Promise.resolve('read'), 3000)).resolves.toBe('read');
  });

  it('passes on a rejection that comes in time', async () => {
    await expect(withTimeLimit(Promise.reject(new Error('No tab with id 7')), 3000)).rejects.toThrow('No tab with id 7');
  });

  it('gives up on a call that never settles once the limit has passed', async () => {
    const result = withTimeLimit(new Promise<string>(() => {}), 3000);
    await vi.advanceTimersByTimeAsync(2999);
    let settled = false;
    void result.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBeUndefined();
  });

  it('leaves no timer behind when the call settles first', async () => {
    await withTimeLimit(Promise.resolve(1), 3000);
    expect(vi.getTimerCount()).toBe(0);
  });
});
