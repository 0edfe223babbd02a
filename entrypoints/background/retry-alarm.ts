// The alarm that backs up a tab's retry timer: it outlives a stopped worker (Chrome fires alarms no sooner than 30 s after they are set).
const PREFIX = 'gatewhy-retry:';

export const retryAlarmName = (tabId: number) => `${PREFIX}${tabId}`;

/** The tab whose retry the alarm is for, or undefined for another alarm. */
export function tabOfRetryAlarm(name: string): number | undefined {
  if (!name.startsWith(PREFIX)) return undefined;
  const tabId = Number(name.slice(PREFIX.length));
  return Number.isInteger(tabId) && tabId >= 0 ? tabId : undefined;
}
