import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSightingRecorder } from '../../../entrypoints/background/sightings';
import { sightingsItem } from '../../../services/sightings-store';

const NOW = 1_800_000_000_000;
const response = (url: string, statusCode = 200, time = NOW) => ({
  url,
  statusCode,
  timeStamp: time,
  responseHeaders: [{ name: 'cf-ray', value: '8a1033f2b3c4d5e6-AMS' }],
});
const stored = async () => ((await sightingsItem.getValue()) as { site: string }[]).map(({ site }) => site);

beforeEach(() => fakeBrowser.reset());

describe('the sighting recorder', () => {
  it('keeps what an earlier background stored when a new one sees more (a worker restart loses nothing)', async () => {
    await sightingsItem.setValue([{ vendor: 'cloudflare', site: 'before.example', pop: 'AMS', time: NOW - 60_000 }]);
    const recorder = createSightingRecorder(() => NOW);
    recorder.observe(response('https://www.after.example/page?token=secret'));
    await vi.waitFor(async () => expect(await stored()).toEqual(['after.example', 'before.example']));
  });

  it('writes nothing for server errors, unknown vendors or a site seen a moment ago', async () => {
    const recorder = createSightingRecorder(() => NOW);
    recorder.observe(response('https://a.example/'));
    await vi.waitFor(async () => expect(await stored()).toEqual(['a.example']));
    const writes = vi.spyOn(sightingsItem, 'setValue');
    recorder.observe(response('https://a.example/other', 200, NOW + 1000));
    recorder.observe(response('https://b.example/', 502));
    recorder.observe({ url: 'https://c.example/', statusCode: 200, responseHeaders: [{ name: 'server', value: 'nginx' }] });
    recorder.observe(undefined);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(writes).not.toHaveBeenCalled();
  });
});
