// Response headers grouped by what they tell (gateway and route, cache, timing, retry hints, trace ids, other).
import { useId, useState } from 'preact/hooks';
import type { DecodedHeader, HeaderGroup } from '../utils/explain/header-catalogue';
import { HEADER_GROUP_KEYS } from '../utils/explain/header-catalogue';
import { say } from '../utils/wording';

const ORDER = Object.keys(HEADER_GROUP_KEYS) as HeaderGroup[];

function HeaderItem({ header }: { header: DecodedHeader }) {
  const [showRaw, setShowRaw] = useState(false);
  const rawId = useId();
  return (
    <li class="header-item">
      <div class="header-top">
        <span class="header-name">{header.name}</span>
        {header.decoded !== undefined && (
          <button
            type="button"
            class="link small"
            aria-expanded={showRaw}
            aria-controls={rawId}
            aria-label={say('view.headers.rawOf', { header: header.name })}
            onClick={() => setShowRaw(!showRaw)}
          >
            {showRaw ? say('view.headers.hideRaw') : say('view.headers.showRaw')}
          </button>
        )}
      </div>
      {header.redacted ? (
        <p class="redacted">{say('view.headers.withheld')}</p>
      ) : header.decoded !== undefined ? (
        <p class="header-decoded">{header.decoded}</p>
      ) : (
        <p class="header-value">{header.value}</p>
      )}
      {showRaw && (
        <p class="raw" id={rawId}>
          <span class="visually-hidden">{say('view.headers.rawValue')} </span>
          {header.value}
        </p>
      )}
      {!header.redacted && <p class="header-meaning">{header.meaning}</p>}
    </li>
  );
}

/** The headers by group, in a fixed order; empty groups are left out. `level` is the heading level of each group. */
export function HeaderGroups({ headers, level = 3 }: { headers: readonly DecodedHeader[]; level?: 3 | 4 | 5 }) {
  const Heading = `h${level}` as 'h3';
  const groups = ORDER.map((group) => ({ group, headers: headers.filter((header) => header.group === group) })).filter(({ headers: list }) => list.length > 0);
  if (groups.length === 0) return <p class="muted">{say('view.headers.none')}</p>;
  return (
    <div class="header-groups">
      {groups.map(({ group, headers: list }) => (
        <div class="header-group" role="group" key={group} data-group={group} aria-label={say(HEADER_GROUP_KEYS[group])}>
          <Heading>{say(HEADER_GROUP_KEYS[group])}</Heading>
          <ul class="header-list">
            {list.map((header, index) => (
              <HeaderItem key={`${header.name}-${index}`} header={header} />
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
