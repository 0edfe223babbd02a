// Every gateway Gatewhy recognises. A test checks that each file in this folder is listed here once.
import type { Gateway } from './types';
import akamai from './akamai';
import apache from './apache';
import awsApiGateway from './aws-api-gateway';
import awsCloudfront from './aws-cloudfront';
import awsElb from './aws-elb';
import azureAppGateway from './azure-app-gateway';
import azureAppService from './azure-app-service';
import azureFrontDoor from './azure-front-door';
import caddy from './caddy';
import cloudflare from './cloudflare';
import envoy from './envoy';
import fastly from './fastly';
import fly from './fly';
import googleCloud from './google-cloud';
import gunicorn from './gunicorn';
import h2o from './h2o';
import haproxy from './haproxy';
import heroku from './heroku';
import httpProxyMiddleware from './http-proxy-middleware';
import iis from './iis';
import kestrel from './kestrel';
import kong from './kong';
import lighttpd from './lighttpd';
import netlify from './netlify';
import nghttpx from './nghttpx';
import nginx from './nginx';
import phpFpm from './php-fpm';
import puma from './puma';
import render from './render';
import squid from './squid';
import tinyproxy from './tinyproxy';
import traefik from './traefik';
import trafficserver from './trafficserver';
import uwsgi from './uwsgi';
import varnish from './varnish';
import vercel from './vercel';
import vite from './vite';

export const GATEWAYS: readonly Gateway[] = [
  akamai,
  apache,
  awsApiGateway,
  awsCloudfront,
  awsElb,
  azureAppGateway,
  azureAppService,
  azureFrontDoor,
  caddy,
  cloudflare,
  envoy,
  fastly,
  fly,
  googleCloud,
  gunicorn,
  h2o,
  haproxy,
  heroku,
  httpProxyMiddleware,
  iis,
  kestrel,
  kong,
  lighttpd,
  netlify,
  nghttpx,
  nginx,
  phpFpm,
  puma,
  render,
  squid,
  tinyproxy,
  traefik,
  trafficserver,
  uwsgi,
  varnish,
  vercel,
  vite,
];
