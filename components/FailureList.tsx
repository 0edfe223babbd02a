// Lists a tab's failed responses with their raw headers.
import type { TabRecord, FailedRequest } from '../utils/tab-record';

function FailureItem({ failure }: { failure: FailedRequest }) {
  return (
    <li class="failure">
      <p class="failure-head">
        <strong class="status">{failure.status || failure.networkError}</strong>{' '}
        <span class="url">{failure.url}</span>
      </p>
      <p class="time">
        <time dateTime={new Date(failure.time).toISOString()}>{new Date(failure.time).toLocaleTimeString()}</time>
      </p>
      <table class="headers">
        <tbody>
          {failure.headers.map((header, index) => (
            <tr key={index}>
              <th scope="row">{header.name}</th>
              <td>{header.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </li>
  );
}

export function FailureList({ record }: { record: TabRecord }) {
  return (
    <ul class="failures">
      {[...record.failures].reverse().map((failure) => (
        <FailureItem key={failure.requestId} failure={failure} />
      ))}
    </ul>
  );
}
