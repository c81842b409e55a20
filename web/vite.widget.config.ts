import { build, defineConfig, type InlineConfig } from 'vite';

const outDir = 'target/classes/public';

/** Shared by both widget builds: one self-contained IIFE each, no dependencies, no globals. */
function iife(entry: string, fileName: string): InlineConfig {
  return {
    configFile: false,
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: false, // runs after the pages build, which empties the directory
      target: 'es2022',
      sourcemap: false,
      lib: { entry, formats: ['iife'], name: 'MiniChatWidget' },
      rolldownOptions: { output: { entryFileNames: fileName } },
    },
  };
}

/**
 * Widget build, in two steps:
 * 1. the chat UI chunk, content-hashed under `assets/` (immutable, loaded on first use);
 * 2. the loader at the stable path `widget.js` (embedders reference it directly, so it is
 *    never renamed or hashed), with the UI chunk's path compiled in as `__MC_UI_PATH__`.
 */
export default defineConfig(async () => {
  const result = await build(iife('src/widget/ui-main.ts', 'assets/widget-ui-[hash].js'));
  const outputs = Array.isArray(result) ? result : [result];
  const chunk = outputs
    .flatMap((o) => ('output' in o ? o.output : []))
    .find((c) => c.type === 'chunk' && c.isEntry);
  if (!chunk) throw new Error('widget UI chunk was not built');
  const loader = iife('src/widget/main.ts', 'widget.js');
  return {
    ...loader,
    define: { __MC_UI_PATH__: JSON.stringify(`/${chunk.fileName}`) },
  };
});
