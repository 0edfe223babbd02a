// The background's side of DevTools → Gatewhy under WXT's fake browser: who may connect, what is accepted, what is
// handed to the tab's machine (tab-runner.test.ts follows it from there).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_PENDING_PER_PORT, onDevtoolsConnect, type AttachBody } from '../../../entrypoints/background/devtools-port';
import type { SeenResponse } from '../../../utils/devtools/port-protocol';
import { T0 } from '../../support/sample-records';

beforeEach(() => {
  fakeBrowser.reset();
});

const DEVTOOLS_PAGE = 'chrome-extension://test-extension-id/devtools.html';
const URL = 'https://shop.example.com/api/orders';
const BODY = 'upstream connect error or disconnect/reset before headers. reset reason: connection failure';
const seen: SeenResponse = { url: URL, method: 'GET', status: 503, time: T0 - 50, bodyText: BODY, bodyTruncated: false };

/** A port as runtime.onConnect gives it, recording what the background does with it. */
function fakePort(name: string, sender: Record<string, unknown> = { id: 'test-extension-id', url: DEVTOOLS_PAGE }) {
  const listeners: ((message: unknown) => void)[] = [];
  return {
    name,
    sender,
    posted: [] as unknown[],
    disconnected: false,
    onMessage: { addListener: (listener: (message: unknown) => void) => listeners.push(listener) },
    onDisconnect: { addListener: () => {} },
    postMessage(message: unknown) {
      this.posted.push(message);
    },
    disconnect() {
      this.disconnected = true;
    },
    send(message: unknown) {
      for (const listener of listeners) listener(message);
    },
  };
}

const connect = (port: ReturnType<typeof fakePort>, attach: AttachBody) => onDevtoolsConnect(port as never, attach);
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('onDevtoolsConnect', () => {
  it('should leave other ports alone', () => {
    const port = fakePort('something-else');
    connect(port, vi.fn());
    expect(port.disconnected).toBe(false);
    port.send({ type: 'response-seen', id: 1, response: seen });
    expect(port.posted).toEqual([]);
  });

  it.each([
    ['another extension', { id: 'other-extension', url: DEVTOOLS_PAGE }],
    ['a content script in a tab', { id: 'test-extension-id', url: DEVTOOLS_PAGE, tab: { id: 3 } }],
    ['another page of Gatewhy', { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' }],
    ['a sender without an address', { id: 'test-extension-id' }],
  ])('should refuse a DevTools port from %s', (_who, sender) => {
    const attach = vi.fn();
    const port = fakePort('gatewhy-devtools:3', sender);
    connect(port, attach);
    expect(port.disconnected).toBe(true);
    port.send({ type: 'response-seen', id: 1, response: seen });
    expect(attach).not.toHaveBeenCalled();
  });

  it("should attach a well-formed body for the port's tab and acknowledge it", async () => {
    const attach = vi.fn(async () => true);
    const port = fakePort('gatewhy-devtools:3', { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/devtools-panel.html' });
    connect(port, attach);
    port.send({ type: 'response-seen', id: 7, response: { ...seen, headers: [{ name: 'Cookie', value: 'SECRET' }] } });
    await flush();
    expect(attach).toHaveBeenCalledWith(3, seen);
    expect(port.posted).toEqual([{ type: 'ack', id: 7, attached: true }]);
  });

  it('should acknowledge a message it cannot use without attaching it, so it is not sent again', async () => {
    const attach = vi.fn(async () => true);
    const port = fakePort('gatewhy-devtools:3');
    connect(port, attach);
    port.send({ type: 'response-seen', id: 8, response: { ...seen, status: 200 } });
    port.send('garbage');
    await flush();
    expect(attach).not.toHaveBeenCalled();
    expect(port.posted).toEqual([{ type: 'ack', id: 8, attached: false }]);
  });

  it('should refuse more than MAX_PENDING_PER_PORT bodies at once', async () => {
    let release!: () => void;
    const held = new Promise<boolean>((resolve) => (release = () => resolve(true)));
    const port = fakePort('gatewhy-devtools:3');
    connect(port, () => held);
    for (let id = 1; id <= MAX_PENDING_PER_PORT + 2; id++) port.send({ type: 'response-seen', id, response: seen });
    await flush();
    expect(port.posted).toEqual([
      { type: 'ack', id: MAX_PENDING_PER_PORT + 1, attached: false },
      { type: 'ack', id: MAX_PENDING_PER_PORT + 2, attached: false },
    ]);
    release();
    await flush();
    expect(port.posted.length).toBe(MAX_PENDING_PER_PORT + 2);
  });

  it('should never throw into the browser, even when the port closed before the ack', async () => {
    const port = fakePort('gatewhy-devtools:3');
    port.postMessage = () => {
      throw new Error('Attempting to use a disconnected port object');
    };
    connect(port, async () => true);
    expect(() => port.send({ type: 'response-seen', id: 1, response: seen })).not.toThrow();
    await flush();
  });
});
