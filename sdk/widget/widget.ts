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
  });
}

// currentScript is only set while this file first runs, so it is read before any waiting.
const ownScript = findOwnScript();
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => boot(ownScript ?? findOwnScript()));
} else {
  boot(ownScript);
}
