/** esbuild bundles the app's CSS from its import in main.tsx. */
declare module '*.css';
