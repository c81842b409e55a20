/** Server path of the UI chunk, injected by `vite.widget.config.ts` at build time. */
declare const __MC_UI_PATH__: string;
