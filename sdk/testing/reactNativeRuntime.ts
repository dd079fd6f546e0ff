import { NodeXMLHttpRequest } from './nodeXmlHttpRequest';

/**
 * The globals of a React Native app, for running the SDK's tests a second time as a phone would:
 * no EventSource, no localStorage, no DOM; a fetch whose responses arrive whole, with no
 * `body` stream (React Native's fetch is a polyfill over its networking); and an
 * XMLHttpRequest that reports the response text as it arrives.
 */
class ReactNativeResponse {
  readonly ok: boolean;
  readonly bodyUsed = false;

  constructor(
    private readonly bodyText: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: Headers,
    readonly url: string,
  ) {
    this.ok = status >= 200 && status < 300;
  }

  async text() {
    return this.bodyText;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.bodyText);
  }
}

export function installReactNativeRuntime() {
  const nodeFetch = globalThis.fetch;
  const reactNativeFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const res = await nodeFetch(input, init);
    // The whole body before the promise resolves: a stream never would.
    const text = await res.text();
    return new ReactNativeResponse(text, res.status, res.statusText, res.headers, res.url);
  };
  const globals = globalThis as Record<string, unknown>;
  globals.fetch = reactNativeFetch;
  globals.Response = ReactNativeResponse;
  globals.XMLHttpRequest = NodeXMLHttpRequest;
  for (const name of ['EventSource', 'localStorage', 'sessionStorage', 'document', 'window']) {
    delete globals[name];
  }
  Object.defineProperty(globalThis, 'navigator', {
    value: { product: 'ReactNative' },
    configurable: true,
    writable: true,
  });
}
