import { mountWidget } from './mountWidget';

/**
 * The entry point of `/widget.js`. The embedding page writes
 * `<script src="https://your-parley/widget.js" data-deployment="..." async></script>`;
 * the script's own address tells the widget where Parley runs.
 */
function findOwnScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.dataset.deployment) return current;
  return document.querySelector<HTMLScriptElement>('script[data-deployment][src*="widget.js"]');
}

type IdentityTokenProvider = () => string | undefined | null | Promise<string | undefined | null>;

/** What the page can call as `window.Parley`. */
interface ParleyPageApi {
  /** Verifies the signed-in customer: called whenever the widget needs a fresh identity token. */
  setIdentityTokenProvider(provider: IdentityTokenProvider | null): void;
}

declare global {
  interface Window {
    Parley?: ParleyPageApi;
  }
}

let pageProvider: IdentityTokenProvider | null = null;

/**
 * The page's token provider, looked up on every call rather than at boot: the page may sign
 * the customer in, or define its `data-identity-token-provider` function, after this script ran.
 */
function identityTokenFor(script: HTMLScriptElement) {
  return async () => {
    const name = script.dataset.identityTokenProvider;
    const named = name ? (window as unknown as Record<string, unknown>)[name] : undefined;
    const provider = pageProvider ?? (typeof named === 'function' ? named : undefined);
    if (!provider) return undefined;
    return (await (provider as IdentityTokenProvider)()) || undefined;
  };
}

function boot(script: HTMLScriptElement | null) {
  const deploymentId = script?.dataset.deployment;
  if (!script || !deploymentId) {
    console.error('Parley widget: add data-deployment="<deployment id>" to its script tag.');
    return;
  }
  if (document.querySelector(`[data-parley-widget="${CSS.escape(deploymentId)}"]`)) return;
  mountWidget({
    baseUrl: new URL(script.src, document.baseURI).origin,
    deploymentId,
    title: script.dataset.title,
    getIdentityToken: identityTokenFor(script),
    serviceWorkerUrl: script.dataset.serviceWorker,
  });
}

window.Parley = {
  setIdentityTokenProvider(provider) {
    pageProvider = provider;
  },
};

// currentScript is only set while this file first runs, so it is read before any waiting.
const ownScript = findOwnScript();
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => boot(ownScript ?? findOwnScript()));
} else {
  boot(ownScript);
}
