// @ts-check
// The page's first question, asked while the app's own code is still being
// fetched and parsed: by the time the app mounts, the answer (the status, the
// people and Today, read ahead by the app) is usually there. A classic script
// in the page's head runs before any module; the app takes this one answer
// (`startUp` in src/lib/api.ts) and asks afresh every later time.
(() => {
  const page = /** @type {{
    __TAURI_INTERNALS__?: { invoke?: (command: string) => Promise<unknown> },
    __RAPPORT_START_UP__?: Promise<unknown>,
  }} */ (/** @type {unknown} */ (window));
  const bridge = page.__TAURI_INTERNALS__;
  if (typeof bridge?.invoke !== 'function') return;
  const answer = bridge.invoke('start_up');
  // Handled when the app takes it; until then a refusal is not "unhandled".
  answer.catch(() => {});
  page.__RAPPORT_START_UP__ = answer;
})();
