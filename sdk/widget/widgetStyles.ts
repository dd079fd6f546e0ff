/**
 * The widget's styles, scoped by its shadow root: the host page's CSS cannot reach in, and
 * these rules cannot leak out.
 */
export const widgetStyles = `
:host {
  all: initial;
  --parley-accent: #4b4de6;
  --parley-accent-text: #ffffff;
  --parley-surface: #ffffff;
  --parley-muted: #5f6b7a;
  --parley-border: #dfe3e8;
  --parley-bubble: #f0f2f5;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 14px;
  line-height: 1.45;
  color: #1d2430;
}
* { box-sizing: border-box; }
button, textarea, input, select { font: inherit; }
:focus-visible { outline: 2px solid var(--parley-accent); outline-offset: 2px; }
.launcher {
  position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;
  display: flex; align-items: center; gap: 8px;
  padding: 12px 18px; border: 0; border-radius: 999px; cursor: pointer;
  background: var(--parley-accent); color: var(--parley-accent-text);
  box-shadow: 0 4px 14px rgb(16 24 40 / 25%); font-weight: 600;
}
.launcher .badge {
  min-width: 20px; padding: 0 6px; border-radius: 999px;
  background: #c62828; color: #fff; font-size: 12px; text-align: center;
}
.window {
  position: fixed; right: 20px; bottom: 80px; z-index: 2147483000;
  width: 370px; height: min(600px, calc(100vh - 100px));
  display: flex; flex-direction: column; overflow: hidden;
  background: var(--parley-surface); border: 1px solid var(--parley-border); border-radius: 14px;
  box-shadow: 0 12px 32px rgb(16 24 40 / 22%);
}
.window[hidden] { display: none; }
.header {
  display: flex; align-items: center; justify-content: space-between; gap: 8px;
  padding: 12px 14px; background: var(--parley-accent); color: var(--parley-accent-text);
}
.header h2 { margin: 0; font-size: 16px; }
.header button {
  border: 0; background: transparent; color: inherit; cursor: pointer;
  font-size: 20px; line-height: 1; padding: 4px 8px; border-radius: 6px;
}
.header button.end { font-size: 13px; border: 1px solid rgb(255 255 255 / 60%); }
.header button[hidden] { display: none; }
.banner { padding: 6px 14px; background: #fff4e5; color: #7a4a00; font-size: 13px; }
.banner:empty { display: none; }
.chat { flex: 1; display: flex; flex-direction: column; min-height: 0; }
.chat[hidden] { display: none; }
.prechat { margin: 12px 14px; }
.prechat .alert { margin: 0; }
[aria-invalid='true'] { border-color: #c62828; }
.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 6px; }
.row { display: flex; flex-direction: column; align-items: flex-start; max-width: 85%; }
.row.customer { align-self: flex-end; align-items: flex-end; }
.row.system { align-self: center; max-width: 100%; }
.author { font-size: 12px; color: var(--parley-muted); margin: 6px 4px 2px; }
.bubble {
  padding: 8px 12px; border-radius: 14px; background: var(--parley-bubble);
  white-space: pre-wrap; overflow-wrap: anywhere;
}
.customer .bubble { background: var(--parley-accent); color: var(--parley-accent-text); }
.pending .bubble { opacity: 0.65; }
.read-mark { font-size: 11px; color: #6b7280; margin-top: 2px; }
.note { font-size: 12px; color: var(--parley-muted); text-align: center; padding: 2px 8px; }
.delivery { font-size: 11px; color: var(--parley-muted); margin: 2px 4px 0; }
.choices { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.choices button, .card button, .actions button, .form button {
  border: 1px solid var(--parley-accent); background: #fff; color: var(--parley-accent);
  border-radius: 999px; padding: 5px 12px; cursor: pointer;
}
.choices button:disabled, .card button:disabled { opacity: 0.5; cursor: default; }
.cards { display: flex; gap: 8px; overflow-x: auto; max-width: 100%; margin-top: 6px; }
.card {
  flex: 0 0 200px; border: 1px solid var(--parley-border); border-radius: 10px;
  overflow: hidden; background: #fff;
}
.card img { width: 100%; height: 110px; object-fit: cover; display: block; }
.card .body { padding: 8px 10px; display: flex; flex-direction: column; gap: 6px; }
.card h3 { margin: 0; font-size: 14px; }
.card p { margin: 0; color: var(--parley-muted); font-size: 13px; }
.card a { color: var(--parley-accent); }
.form { display: flex; flex-direction: column; gap: 6px; margin-top: 6px; min-width: 220px; }
.form label { display: flex; flex-direction: column; font-size: 13px; gap: 2px; }
.form input, .form select, .csat textarea, .composer textarea {
  border: 1px solid var(--parley-border); border-radius: 8px; padding: 6px 8px;
}
.typing { padding: 0 14px 6px; font-size: 12px; color: var(--parley-muted); min-height: 18px; }
.csat {
  margin: 8px 12px; padding: 10px; border: 1px solid var(--parley-border); border-radius: 10px;
  display: flex; flex-direction: column; gap: 8px;
}
.csat fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: 4px; }
.csat legend { margin-bottom: 6px; }
.csat .score {
  width: 36px; height: 36px; border-radius: 50%; cursor: pointer;
  border: 1px solid var(--parley-border); background: #fff;
}
.csat .score[aria-pressed="true"] { background: var(--parley-accent); color: #fff; }
.actions { display: flex; gap: 8px; justify-content: center; padding: 8px; }
.push-offer {
  margin: 0 12px 8px; padding: 8px 10px; border: 1px solid var(--parley-border);
  border-radius: 10px; font-size: 13px; display: flex; align-items: center; gap: 8px;
}
.push-offer p { margin: 0; flex: 1; }
.push-offer .actions { padding: 0; }
.push-offer .primary { background: var(--parley-accent); color: #fff; }
.push-note { margin: 0 12px 8px; font-size: 12px; color: var(--parley-muted); }
.alert { margin: 0 12px 8px; color: #c62828; font-size: 13px; }
.alert:empty { display: none; }
.composer { display: flex; gap: 8px; padding: 10px; border-top: 1px solid var(--parley-border); }
.composer textarea { flex: 1; resize: none; height: 40px; }
.composer button {
  border: 0; border-radius: 8px; padding: 0 14px; cursor: pointer;
  background: var(--parley-accent); color: var(--parley-accent-text); font-weight: 600;
}
.composer button:disabled, .composer textarea:disabled { opacity: 0.5; cursor: default; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap;
}
@media (max-width: 480px) {
  .window { inset: 0; width: 100%; height: 100%; border-radius: 0; border: 0; }
  .launcher { right: 12px; bottom: 12px; }
}
@media (prefers-reduced-motion: no-preference) {
  .window { transition: opacity 120ms ease-out; }
}
`;
