// Entry point of `widget.js` (the loader). It exports nothing, so the IIFE adds no globals.
import { loadUi } from './embed';
import { boot } from './launcher';

void boot(window, __MC_UI_PATH__, (url) => loadUi(document, url));
