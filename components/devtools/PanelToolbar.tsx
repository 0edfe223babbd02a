// The panel's toolbar: filters by status, host and party, "Preserve log" and "Clear", as DevTools' Network panel has.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { filterChoices, type Filters, type PanelLog } from '../../utils/devtools/panel-log';
import { say } from '../../utils/wording';

function Choice({ label, value, onChange, children }: { label: string; value: string; onChange(value: string): void; children: ComponentChildren }) {
  const id = useId();
  return (
    <span class="choice">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}>
        {children}
      </select>
    </span>
  );
}

export interface PanelToolbarProps {
  log: PanelLog;
  filters: Filters;
  onFilters(filters: Filters): void;
  preserveLog: boolean;
  onPreserveLog(on: boolean): void;
  onClear(): void;
}

export function PanelToolbar({ log, filters, onFilters, preserveLog, onPreserveLog, onClear }: PanelToolbarProps) {
  const choices = filterChoices(log);
  // A chosen value stays listed after the log lost it (a navigation), so the filter never changes by itself.
  const statuses =
    filters.status !== 'all' && filters.status !== 'network' && !choices.statuses.includes(filters.status)
      ? [...choices.statuses, filters.status]
      : choices.statuses;
  const hosts = filters.host !== 'all' && !choices.hosts.includes(filters.host) ? [...choices.hosts, filters.host] : choices.hosts;
  const setStatus = (value: string) => onFilters({ ...filters, status: value === 'all' || value === 'network' ? value : Number(value) });
  return (
    <header class="topbar panel-toolbar">
      <h1 class="brand">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        Gatewhy
      </h1>
      <div class="filters" role="group" aria-label={say('panel.toolbar.filters')}>
        <Choice label={say('panel.toolbar.status')} value={String(filters.status)} onChange={setStatus}>
          <option value="all">{say('panel.toolbar.all')}</option>
          {statuses.map((status) => (
            <option key={status} value={String(status)}>
              {status}
            </option>
          ))}
          {(choices.networkErrors || filters.status === 'network') && <option value="network">{say('panel.toolbar.noResponse')}</option>}
        </Choice>
        <Choice label={say('panel.toolbar.host')} value={filters.host} onChange={(host) => onFilters({ ...filters, host })}>
          <option value="all">{say('panel.toolbar.all')}</option>
          {hosts.map((host) => (
            <option key={host} value={host}>
              {host}
            </option>
          ))}
        </Choice>
        <Choice label={say('panel.toolbar.party')} value={filters.party} onChange={(party) => onFilters({ ...filters, party: party as Filters['party'] })}>
          <option value="all">{say('panel.toolbar.all')}</option>
          <option value="first">{say('panel.toolbar.thisSite')}</option>
          <option value="third">{say('panel.toolbar.thirdParties')}</option>
        </Choice>
      </div>
      <label class="check">
        <input type="checkbox" checked={preserveLog} onChange={(event) => onPreserveLog((event.currentTarget as HTMLInputElement).checked)} />
        {say('panel.toolbar.preserveLog')}
      </label>
      <button type="button" onClick={onClear}>
        {say('panel.toolbar.clear')}
      </button>
    </header>
  );
}
