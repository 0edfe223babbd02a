// Puma (Ruby/Rack server, Rails' default): its fallback answer when the application raised, "Puma caught this error: …" or a bare sentence.
import { defineGateway, type Marker } from './types';

const PUMA = 'https://github.com/puma/puma/blob/ff2e2126ee2f0f97e21c57ce1967afde1b6f05a1/lib/puma/';
const LOWLEVEL_ERROR = `${PUMA}server.rb#L605-L622`;
const LEAK_STACK = `${PUMA}server.rb#L132-L133`;
const RACK_APP_RAISED = `${PUMA}response.rb#L98-L107`;
const READ_ERROR = `${PUMA}server.rb#L587-L600`;
// Production's sentence up to 6.3 (99ae85bb, first in 6.4.0, made the body empty); spelt "occured" up to 2.12.0 (42f4faaf).
const OLD_SENTENCE = 'https://github.com/puma/puma/blob/db060253336f9d4eca08cd3abc306c1576345d5f/lib/puma/server.rb#L544';
const OLDEST_SENTENCE = 'https://github.com/puma/puma/blob/439f674157a34d48f8c2d98bf5d773712884864f/lib/puma/server.rb#L767';

/** "Puma caught this error: <message> (<class>)" and the backtrace: in development and test, or with no environment set (server.rb#L132-L133). */
const CAUGHT: Marker = { text: 'puma caught this error:' };
const LOWLEVEL_SENTENCE: Marker = { any: [{ text: 'an unhandled lowlevel error occurred' }, { text: 'an unhandled lowlevel error occured' }] };

export default defineGateway({
  id: 'puma',
  name: 'Puma',
  kind: 'app-server',
  bodyTells:
    'Puma\'s own answer names the exception in development ("Puma caught this error: …" with the backtrace); in production it is a bare sentence (up to 6.3) or an empty body.',
  fingerprint: [
    { ...CAUGHT, weight: 0.95, note: 'the fallback page Puma writes when the Rack application raised, in development' },
    { ...LOWLEVEL_SENTENCE, weight: 0.95, note: 'the sentence Puma up to 6.3 writes when the Rack application raised, in production' },
  ],
  variants: [
    {
      id: 'puma-503-force-shutdown',
      title: '503 from Puma: thread pool forced to shut down',
      when: [{ status: 503 }, CAUGHT],
      meaning: 'Puma was stopping or restarting and forced its threads down (force_shutdown_after) while this request ran.',
      causes: { maintenance: 0.6, 'origin-reset': 0.4 },
      source: 'origin',
      reference: RACK_APP_RAISED,
    },
    {
      id: 'puma-500-caught-error',
      title: '500 from Puma: the application raised (Puma caught this error)',
      when: [{ status: 500 }, CAUGHT],
      meaning: 'An exception escaped the Rack application (nothing in the app rescued it) and Puma answered with its fallback page naming it.',
      causes: { 'origin-app-error': 1 },
      source: 'origin',
      reference: RACK_APP_RAISED,
    },
    {
      id: 'puma-500-lowlevel-error',
      title: '500 from Puma: "An unhandled lowlevel error occurred"',
      when: [LOWLEVEL_SENTENCE],
      meaning:
        "An exception escaped the Rack application in production; Puma (up to 6.3) answered with its fallback sentence, and the application's log has the exception.",
      causes: { 'origin-app-error': 1 },
      source: 'origin',
      reference: OLD_SENTENCE,
    },
    {
      id: 'puma-caught-error-other-status',
      title: "Puma's fallback page for a request it could not read",
      when: [{ body: 'seen' }, CAUGHT],
      fallback: true,
      meaning: 'Puma could not parse the request (400, 501) or hit an error reading it, and answered with its fallback page naming the error.',
      causes: { unknown: 0.7, 'origin-app-error': 0.3 },
      source: 'origin',
      reference: READ_ERROR,
    },
  ],
  advice: {
    visitor: [],
    owner: [
      "Read the application's log for the exception Puma names; in production Puma 6.4 and later answers it with an empty 500, so the log is the only place it shows. A lowlevel_error_handler replaces Puma's fallback answer.",
    ],
  },
  documented: [
    {
      name: 'Puma caught this error: … (development)',
      reference: LOWLEVEL_ERROR,
      variant: 'puma-500-caught-error',
      example: { status: 500, body: "Puma caught this error: undefined method `foo' for nil (NoMethodError)\n/app/config.ru:3:in `block in <main>'" },
    },
    {
      name: 'Puma caught this error: … Puma::ThreadPool::ForceShutdown (503)',
      reference: RACK_APP_RAISED,
      variant: 'puma-503-force-shutdown',
      example: { status: 503, body: 'Puma caught this error: Puma::ThreadPool::ForceShutdown (Puma::ThreadPool::ForceShutdown)\n' },
    },
    {
      name: 'An unhandled lowlevel error occurred. The application logs may have details. (2.12.1 to 6.3)',
      reference: OLD_SENTENCE,
      variant: 'puma-500-lowlevel-error',
      example: { status: 500, body: 'An unhandled lowlevel error occurred. The application logs may have details.\n' },
    },
    {
      name: 'An unhandled lowlevel error occured. The application logs may have details. (up to 2.12.0)',
      reference: OLDEST_SENTENCE,
      variant: 'puma-500-lowlevel-error',
      example: { status: 500, body: 'An unhandled lowlevel error occured. The application logs may have details.\n' },
    },
    {
      name: 'Puma caught this error: … (400/501, a request it could not parse)',
      reference: READ_ERROR,
      variant: 'puma-caught-error-other-status',
      example: { status: 400, body: 'Puma caught this error: Invalid HTTP format, parsing fails. (Puma::HttpParserError)\n' },
    },
    // Production on 6.4 and later: an empty 500 with no header of Puma's own: nothing names Puma.
    { name: 'Empty 500 (production, 6.4 and later)', reference: LOWLEVEL_ERROR },
    { name: 'Payload Too Large (413, http_content_length_limit)', reference: `${PUMA}server.rb#L626-L630` },
  ],
  sources: [LOWLEVEL_ERROR, LEAK_STACK, RACK_APP_RAISED, OLD_SENTENCE, 'https://github.com/puma/puma/commit/99ae85bb'],
});
