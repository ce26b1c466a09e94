/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  compilerOptions: {
    // Runes only: legacy `export let` and `$:` are compile errors.
    runes: true,
  },
};
