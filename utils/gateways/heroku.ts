// Heroku's router: one "Application error" page for every platform-level failure; the H-code in the router log says which.
import { defineGateway } from './types';

const ERROR_CODES = 'https://devcenter.heroku.com/articles/error-codes';
const ERROR_PAGES = 'https://devcenter.heroku.com/articles/error-pages';
const MAINTENANCE = 'https://devcenter.heroku.com/articles/maintenance-mode';
const ROUTING = 'https://devcenter.heroku.com/articles/http-routing';

const APP_ERROR_TEXT = 'an error occurred in the application and your page could not be served';

const H_CODES =
  'Run "heroku logs --tail" (or search your log drain) for the heroku[router] line of this request: code=H10 "App crashed", H12 "Request timeout" (no response within 30 s), H13 "Connection closed without response", H14 "No web dynos running", H18 "Server Request Interrupted", H19/H21 backend connection timeout/refused, H20 "App boot timeout", H11/H22 backlog or connection limit.';

const applicationError = {
  meaning:
    'Heroku\'s router could not get a response from the app\'s web dynos and served its own error page: the dyno crashed or failed to boot, did not answer within 30 s, closed the connection, or no web dyno is running.',
  causes: { 'origin-app-error': 0.35, 'origin-timeout': 0.3, 'origin-reset': 0.15, 'origin-unreachable': 0.1, overloaded: 0.1 },
  source: 'gateway',
  tellApart: H_CODES,
  advice: { owner: ['"heroku ps" shows whether the web dynos are up, crashed or restarting; "heroku logs --tail" shows the H-code and the app\'s own errors around it.'] },
  reference: ERROR_PAGES,
} as const;

export default defineGateway({
  id: 'heroku',
  name: 'Heroku',
  kind: 'platform',
  fingerprint: [
    { header: 'via', includes: 'vegur', weight: 0.95, note: 'Heroku\'s legacy router (Vegur) adds "Via: 1.1 vegur"' },
    { header: 'via', includes: 'heroku-router', weight: 0.95, note: 'Heroku\'s Router 2.0 adds "Via: 1.1 heroku-router"' },
    { header: 'server', equals: 'heroku', weight: 0.85, note: 'Heroku\'s Router 2.0 names itself in the Server header' },
    { header: 'report-to', includes: 'nel.heroku.com', weight: 0.9, note: 'network error reports go to Heroku' },
    { header: 'reporting-endpoints', includes: 'nel.heroku.com', weight: 0.9, note: 'network error reports go to Heroku' },
    { header: 'server', equals: 'cowboy', weight: 0.4, note: 'Heroku\'s legacy router answers as Cowboy (so do many Erlang/Elixir apps)' },
    { markup: 'herokucdn.com/error-pages', weight: 0.95, note: 'Heroku\'s error pages load their content from herokucdn.com' },
    { markup: 's3.amazonaws.com/heroku_pages/', weight: 0.95, note: 'Heroku\'s older error pages loaded their content from its S3 bucket' },
    { text: APP_ERROR_TEXT, weight: 0.9, note: 'the text of Heroku\'s "Application error" page' },
    { text: 'heroku logs --tail', weight: 0.6, note: 'Heroku\'s error page tells the owner to run heroku logs --tail' },
  ],
  variants: [
    {
      id: 'heroku-maintenance-mode-h80', title: 'Maintenance mode (H80)',
      when: [{ markup: 'herokucdn.com/error-pages/maintenance-mode' }],
      meaning: 'The app is in Heroku maintenance mode: the router serves this page to every request without reaching the dynos.',
      causes: { maintenance: 1 },
      source: 'gateway',
      advice: { owner: ['"heroku maintenance:off" ends it, if it was not meant to be on.'] },
      reference: MAINTENANCE,
    },
    {
      id: 'heroku-no-such-app', title: 'No such app',
      when: [{ markup: 'herokucdn.com/error-pages/no-such-app' }],
      meaning: 'No Heroku app is attached to this host name: the app was deleted or renamed, or the custom domain is not added to it.',
      causes: { unknown: 1 },
      source: 'gateway',
      advice: { owner: ['Check "heroku domains" on the app that should serve this host name.'] },
      reference: ERROR_PAGES,
    },
    { id: 'heroku-application-error', title: 'Application error', when: [{ markup: 'herokucdn.com/error-pages/application-error' }], ...applicationError },
    // The older page (before herokucdn.com) framed //s3.amazonaws.com/heroku_pages/error.html (coderanger/nightlies#8).
    { id: 'heroku-application-error-older-page', title: 'Application error (older page)', when: [{ markup: 's3.amazonaws.com/heroku_pages/error' }], ...applicationError },
    { id: 'heroku-application-error-text', title: 'Application error', when: [{ text: APP_ERROR_TEXT }], ...applicationError },
    {
      id: 'heroku-unavailable-announced-app-retry-after', title: 'Unavailable, as announced by the app (Retry-After)',
      when: [{ status: 503 }, { header: 'retry-after' }, { markup: 'herokucdn.com', absent: true }, { text: APP_ERROR_TEXT, absent: true }],
      meaning: 'The app itself answered 503 with Retry-After, which a server sends when it knows it is down for a while: planned maintenance or shedding load. Heroku\'s router relayed it.',
      causes: { maintenance: 0.55, overloaded: 0.45 },
      source: 'origin',
      reference: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3',
    },
    {
      id: 'heroku-error-passed-app', title: 'Error passed on from the app',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning: 'Heroku\'s router only serves its own page for platform-level failures; application errors show the app\'s own page, as here: the app wrote this error and the router relayed it.',
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: ERROR_PAGES,
    },
  ],
  advice: {
    visitor: [],
    owner: ['The heroku[router] log line for the request carries the H-code; "heroku logs --tail" or a log drain shows it.'],
  },
  statusPage: 'https://status.heroku.com/',
  sources: [ERROR_CODES, ERROR_PAGES, MAINTENANCE, ROUTING, 'https://github.com/heroku/vegur'],
});
