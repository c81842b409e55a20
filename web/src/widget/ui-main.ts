// Entry point of the lazily loaded UI chunk (`assets/widget-ui-<hash>.js`). It hands its
// `mount` function to the loader through an event on its own script element: no globals.
import { widgetApi } from './api';
import { UI_READY_EVENT, type WidgetUi } from './contract';
import { labels } from './i18n';
import { liveUrl } from './live';
import { mountPanel } from './panel';

const ui: WidgetUi = {
  mount: ({ root, launcher, base, key, lang }) =>
    mountPanel({
      root,
      launcher,
      api: widgetApi(base, key),
      labels: labels(lang),
      // Without WebSocket the widget shows what its own requests bring back, as before.
      live: typeof WebSocket === 'function' ? { url: liveUrl(base, key), WebSocket } : undefined,
    }),
};

document.currentScript?.dispatchEvent(new CustomEvent(UI_READY_EVENT, { detail: ui }));
