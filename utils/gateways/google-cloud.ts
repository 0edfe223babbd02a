// Google Cloud front ends (GFE, Application Load Balancer, Cloud CDN, Cloud Run, App Engine): "Error: Server Error" and the robot page.
import { defineGateway } from './types';

const LB_LOGGING = 'https://cloud.google.com/load-balancing/docs/https/https-logging-monitoring';
const LB_DISTRIBUTION = 'https://cloud.google.com/load-balancing/docs/https/request-distribution';
const BACKEND_SERVICE = 'https://cloud.google.com/load-balancing/docs/backend-service';
const CLOUD_RUN_ISSUES = 'https://cloud.google.com/run/docs/known-issues';

// Both Google pages say this; the robot page adds "That’s an error." and "That’s all we know."
const TEMPORARY = { text: 'encountered a temporary error and could not complete your request' } as const;

const STATUS_DETAILS =
  'The load balancer\'s request log names the reason in jsonPayload.statusDetails: failed_to_connect_to_backend (no connection), failed_to_pick_backend (no healthy backend), backend_connection_closed_before_data_sent_to_client (the backend closed a kept-alive connection), backend_timeout (no answer within the backend service timeout, 30 s by default), or response_sent_by_backend (the backend itself sent the error).';

const lbBadGateway = {
  meaning: 'Google\'s front end (the load balancer) could not get a response from the backend: it could not connect, found no healthy backend, or the backend closed the connection.',
  causes: { 'origin-unreachable': 0.45, 'origin-reset': 0.3, 'origin-timeout': 0.15, 'origin-invalid-response': 0.1 },
  source: 'gateway',
  tellApart: STATUS_DETAILS,
  advice: { owner: ['Keep the backend\'s HTTP keep-alive timeout above 600 s (the load balancer reuses idle connections that long), and check that health checks from 35.191.0.0/16 and 130.211.0.0/22 pass.'] },
  reference: LB_LOGGING,
} as const;

export default defineGateway({
  id: 'google-cloud',
  name: 'Google Cloud',
  kind: 'load-balancer',
  // Regional and internal load balancers and Cloud Run are built on Envoy and answer with Envoy's local replies
  // ("upstream request timeout", "no healthy upstream") behind Google's own headers (request-distribution doc).
  runsOn: ['envoy'],
  fingerprint: [
    { header: 'via', includes: '1.1 google', weight: 0.85, note: 'Google\'s load balancer adds itself to Via' },
    { header: 'server', equals: 'Google Frontend', weight: 0.85, note: 'App Engine, Cloud Run and Cloud Functions answer as Google Frontend' },
    { header: 'server', equals: 'gws', weight: 0.7, note: 'Google Web Server' },
    { header: 'server', equals: 'ESF', weight: 0.7, note: 'Google\'s API front end' },
    { header: 'x-cloud-trace-context', weight: 0.6, note: 'Google Cloud\'s trace header' },
    { markup: 'google.com/images/errors/robot.png', weight: 0.9, note: 'the robot image on Google\'s error page' },
    { text: 'that’s all we know', weight: 0.9, note: 'the closing line of Google\'s error page (the text matches either apostrophe)' },
    { text: 'please try again in 30 seconds', weight: 0.7, note: 'Google\'s error pages ask to retry in 30 seconds' },
    { ...TEMPORARY, weight: 0.45, note: 'the wording of Google\'s 502 page (some apps copy it)' },
    { text: 'error: server error', weight: 0.45, note: 'the heading of the load balancer\'s error page' },
  ],
  variants: [
    { id: 'google-cloud-502-server-error-load-balancer', title: '502 Server Error (Google load balancer)', when: [{ status: 502 }, TEMPORARY], ...lbBadGateway },
    {
      id: 'google-cloud-502-server-error-front-end', title: '502 Server Error (Google front end)',
      when: [{ status: 502 }, { text: 'error: server error' }],
      ...lbBadGateway,
    },
    {
      id: 'google-cloud-503-service-unavailable-load-balancer', title: '503 Service Unavailable (Google load balancer)',
      when: [{ status: 503 }, { text: 'please try again in 30 seconds' }],
      meaning: 'Google\'s front end had no healthy backend to send the request to, or the backend refused it.',
      causes: { 'origin-unreachable': 0.6, overloaded: 0.3, 'origin-reset': 0.1 },
      source: 'gateway',
      tellApart: STATUS_DETAILS,
      reference: LB_LOGGING,
    },
    {
      id: 'google-cloud-error-page-written-googles-front-end', title: 'Error page written by Google\'s front end',
      when: [{ status: [500, 502, 503, 504] }, { text: 'that’s all we know' }],
      meaning: 'Google\'s front end wrote this page itself: the request failed inside Google\'s serving path rather than in a page the application wrote.',
      causes: { unknown: 0.5, 'origin-unreachable': 0.3, overloaded: 0.2 },
      source: 'gateway',
      tellApart: STATUS_DETAILS,
      reference: LB_DISTRIBUTION,
    },
    {
      id: 'google-cloud-429-rate-exceeded-run', title: '429 Rate exceeded (Cloud Run)',
      when: [{ status: 429 }, { header: 'server', equals: 'Google Frontend' }],
      meaning: 'Cloud Run had no instance available for this request: the service reached its maximum instances, or instances could not start in time.',
      causes: { overloaded: 0.8, 'origin-app-error': 0.2 },
      source: 'gateway',
      tellApart: 'Cloud Run\'s request log says "The request was aborted because there was no available instance" when this happens; compare the instance count with the max-instances setting.',
      reference: CLOUD_RUN_ISSUES,
    },
    {
      id: 'google-cloud-error-passed-backend', title: 'Error passed on from the backend',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning: 'The page is not one of Google\'s own: the backend (the application on Cloud Run, App Engine, GKE or a VM) wrote this error and Google\'s front end passed it on.',
      causes: { 'origin-app-error': 0.6, overloaded: 0.25, maintenance: 0.15 },
      source: 'origin',
      tellApart: 'In the load balancer\'s request log, statusDetails "response_sent_by_backend" confirms the backend sent it.',
      reference: LB_LOGGING,
    },
  ],
  advice: {
    visitor: [],
    owner: [
      'Enable logging on the backend service and read jsonPayload.statusDetails for this request: it names why the load balancer failed.',
      'The backend service timeout (30 s by default) bounds how long the load balancer waits for a response.',
    ],
  },
  statusPage: 'https://status.cloud.google.com/',
  sources: [LB_LOGGING, LB_DISTRIBUTION, BACKEND_SERVICE, CLOUD_RUN_ISSUES],
});
