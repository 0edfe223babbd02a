// Keeps the bounded list of healthy responses seen behind a known vendor (utils/just-me.ts): in memory, written to
// storage.session when it changes, read back once when a new background starts.
import { siteOf } from '../../utils/party';
import { addSighting, sightingAt, vendorResponseOf, type Sighting } from '../../utils/just-me';
import { readSightings, writeSightings } from '../../services/sightings-store';
import { logError } from './errors';
import { loadSuffixList } from './knowledge';

export interface SightingRecorder {
  /** For every response the watched listener sees: returns at once unless it is a healthy one behind a known vendor. */
  observe(details: unknown): void;
}

export function createSightingRecorder(now: () => number = Date.now): SightingRecorder {
  let sightings: readonly Sighting[] = [];
  // What an earlier background stored joins what this one has seen since it started.
  const loaded = readSightings(now())
    .then((stored) => {
      sightings = [...sightings, ...stored].reverse().reduce((list, sighting) => addSighting(list, sighting, now()), [] as readonly Sighting[]);
    })
    .catch((error: unknown) => logError('sightings read', error));

  return {
    observe(details) {
      const seen = vendorResponseOf(details, now());
      if (!seen) return;
      // Its site needs the public suffix list, which the background reads when it first needs it.
      void loadSuffixList()
        .then(() => {
          const sighting = sightingAt(seen, siteOf);
          const next = sighting ? addSighting(sightings, sighting, now()) : sightings;
          if (next === sightings) return;
          sightings = next;
          return loaded.then(() => writeSightings(sightings));
        })
        .catch((error: unknown) => logError('sightings write', error));
    },
  };
}
