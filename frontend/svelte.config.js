import { vitePreprocess } from '@sveltejs/vite-plugin-svelte'

// TypeScript in <script lang="ts">; svelte-check type-checks the components as tsc does the rest.
export default {
  preprocess: vitePreprocess(),
}
