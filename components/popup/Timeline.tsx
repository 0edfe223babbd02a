// The page's story in a few lines: first failure, retries, recovery.
import type { TimelineEvent } from '../../utils/tab-record';
import { clockTime } from '../../utils/tab-view';
import { say } from '../../utils/wording';

export function Timeline({ events, now }: { events: readonly TimelineEvent[]; now: number }) {
  return (
    <section class="section" data-section="timeline">
      <h2>{say('popup.timeline.title')}</h2>
      <ol class="timeline">
        {events.map((event, index) => (
          <li key={index} data-kind={event.kind}>
            <span class={`dot ${event.kind}`} aria-hidden="true" />
            <time dateTime={new Date(event.time).toISOString()}>{clockTime(event.time, now)}</time>
            <span>{event.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
