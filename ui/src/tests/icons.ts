// The icons a part of the page draws, by the name Icon.svelte writes on each.
export function iconsIn(element: Element | null): string[] {
  if (!element) return [];
  return [...element.querySelectorAll('svg[data-icon]')].map((svg) => svg.getAttribute('data-icon') ?? '');
}
