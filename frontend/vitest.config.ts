import { svelte } from '@sveltejs/vite-plugin-svelte'
import { defineConfig } from 'vitest/config'

// Unit tests of the UI's own logic (formatters, the job store and its event stream, the upload queue).
// They run in Node with test doubles of the browser APIs they touch (EventSource, fetch, timers); what needs
// a real browser is covered by the Selenium tests in src/test/java.
export default defineConfig({
  plugins: [svelte()],
  // Components run in jsdom (files that say so), with Svelte's browser build.
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Formatters follow the user's locale and time zone: the tests fix both.
    env: { TZ: 'UTC' },
  },
})
