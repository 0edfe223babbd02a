// The options page's Diagnostics: what Gatewhy keeps in storage against its budget, the background's recent problems,
// and "Copy debug info" for a bug report.
import { useEffect, useState } from 'preact/hooks';
import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import { copyText } from '../browser-actions';
import { watchProblems } from '../../services/diagnostics-store';
import { loadSettings } from '../../services/settings-store';
import { TAB_RECORD_PREFIX } from '../../services/tab-store';
import { debugInfo, formatBytes, storageUse, type Problem, type StorageUse } from '../../utils/diagnostics';
import { formatDateTime } from '../../utils/explain/time';
import { currentLocale, say, sayCount } from '../../utils/wording';

async function readStorageUse(): Promise<StorageUse> {
  const [session, local] = await Promise.all([storage.snapshot('session'), storage.snapshot('local')]);
  return storageUse(session, local, TAB_RECORD_PREFIX);
}

/** Storage use, read now and again (coalesced) whenever any area changes. */
function useStorageUse(): StorageUse | undefined {
  const [use, setUse] = useState<StorageUse>();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => void readStorageUse().then(setUse, () => undefined);
    const changed = () => {
      clearTimeout(timer);
      timer = setTimeout(read, 300);
    };
    read();
    browser.storage.onChanged.addListener(changed);
    return () => {
      clearTimeout(timer);
      browser.storage.onChanged.removeListener(changed);
    };
  }, []);
  return use;
}

export function Diagnostics({ announce }: { announce(message: string): void }) {
  const use = useStorageUse();
  const [problems, setProblems] = useState<Problem[]>();
  useEffect(() => watchProblems(setProblems), []);

  const copy = async () => {
    const info = async () =>
      debugInfo({
        version: browser.runtime.getManifest().version,
        browser: navigator.userAgent,
        language: currentLocale(),
        settings: (await loadSettings()).settings,
        storage: use ?? (await readStorageUse()),
        problems: problems ?? [],
      });
    const copied = await info().then(copyText, () => false);
    announce(copied ? say('options.diagnostics.copied') : say('options.diagnostics.notCopied'));
  };

  return (
    <div class="card">
      <div class="row">
        <p class="help" data-diagnostic="storage">
          {use
            ? say('options.diagnostics.storage', {
                used: formatBytes(use.sessionBytes),
                budget: formatBytes(use.sessionBudget),
                tabs: sayCount('options.diagnostics.tabs', use.tabRecords),
                local: formatBytes(use.localBytes),
              })
            : '\u00a0'}
        </p>
      </div>
      <div class="row">
        {problems && problems.length > 0 ? (
          <ul class="problems" aria-label={say('options.diagnostics.problemsLabel')}>
            {[...problems].reverse().map((problem) => (
              <li key={`${problem.where}\n${problem.message}`}>
                <time dateTime={new Date(problem.time).toISOString()}>{formatDateTime(problem.time)}</time> <strong>{problem.where}</strong>: {problem.message}
                {problem.count > 1 && ` ${say('options.diagnostics.times', { count: problem.count })}`}
              </li>
            ))}
          </ul>
        ) : (
          <p class="help">{problems ? say('options.diagnostics.noProblems') : '\u00a0'}</p>
        )}
      </div>
      <div class="row row-actions">
        <p class="help">{say('options.diagnostics.copyHelp')}</p>
        <button type="button" class="button" onClick={() => void copy()}>
          {say('options.diagnostics.copy')}
        </button>
      </div>
    </div>
  );
}
