// The desktop's interface font, when the app names one (GTK's setting on
// Linux). It takes the place of `system-ui` in the page's sans-serif stack:
// WebKitGTK resolves `system-ui` through fontconfig's alias list, which need
// not be GTK's font and, when none of its families is installed, costs a
// failed match for every font size and weight on the page.

/** Only a plain family name is quoted into the style sheet; the app sends no other. */
const PLAIN_FAMILY = /^[\p{L}\p{N} ._-]{1,64}$/u;

/** Puts `family` first in the page's sans-serif stack; without one, `system-ui` stays. */
export function applyDesktopFont(
  family: string | null,
  root: HTMLElement = document.documentElement,
): void {
  if (family === null || !PLAIN_FAMILY.test(family)) {
    root.style.removeProperty('--font-sans');
    return;
  }
  root.style.setProperty('--font-sans', `"${family}", sans-serif`);
}
