import type { Lang } from '../shared/lang';

/** Event the UI chunk dispatches on its own `<script>` element to hand itself to the loader. */
export const UI_READY_EVENT = 'minichat:ui';

/** What the loader passes to the UI chunk when the panel is first needed. */
export interface UiContext {
  /** The widget's shadow root (already holds the launcher). */
  root: ShadowRoot;
  /** The launcher button; the panel updates `aria-expanded` and returns focus to it. */
  launcher: HTMLButtonElement;
  /** Server origin, e.g. `https://chat.example.com`. */
  base: string;
  /** Public widget key. */
  key: string;
  lang: Lang;
}

/** The chat panel, once mounted. */
export interface PanelHandle {
  open(): void;
  close(): void;
  toggle(): void;
  /** Removes the panel and ends its live connection for good. */
  destroy(): void;
}

/** The UI chunk's single export, delivered through {@link UI_READY_EVENT}. */
export interface WidgetUi {
  mount(context: UiContext): PanelHandle;
}
