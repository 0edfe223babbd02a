// Healthy responses recently seen behind a known vendor, for "is it just me": in storage.session only (held in memory,
// never on disk, so private windows' sightings are safe there too), bounded by utils/just-me.ts.
import { storage } from '@wxt-dev/storage';
import { asSightings, type Sighting } from '../utils/just-me';
import { serialized } from './serial';

export const sightingsItem = storage.defineItem<unknown>('session:vendorSightings', { fallback: [] });

/** `now`: keep only those within the window of this time (the verdicts apply the window themselves). */
export async function readSightings(now?: number): Promise<Sighting[]> {
  return asSightings(await sightingsItem.getValue(), now);
}

export function writeSightings(sightings: readonly Sighting[]): Promise<void> {
  return serialized(sightingsItem.key, () => sightingsItem.setValue(sightings));
}

export function clearSightings(): Promise<void> {
  return serialized(sightingsItem.key, () => sightingsItem.removeValue());
}

/** Calls `listener` with the sightings now and after every change. */
export function watchSightings(listener: (sightings: Sighting[]) => void): () => void {
  void readSightings().then(listener);
  return sightingsItem.watch((value) => listener(asSightings(value)));
}
