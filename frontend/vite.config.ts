import { svelte } from '@sveltejs/vite-plugin-svelte'
import { defineConfig } from 'vite'

// Under `quarkus dev`, Quinoa proxies the UI through Quarkus, so API calls are
// same-origin. The proxy below only matters when running `npm run dev` alone
// against a backend on :8080.
const backend = 'http://localhost:8080'

export default defineConfig({
  plugins: [svelte()],
  server: {
    proxy: {
      '/api': backend,
      '/j_security_check': backend,
      '/q': backend,
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
  },
})
