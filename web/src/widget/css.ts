/**
 * Adds a stylesheet to a shadow root, after any it already has. Constructable stylesheets are
 * used where available because a host page's CSP may forbid inline `<style>` elements.
 *
 * @param root - the shadow root
 * @param text - CSS source
 */
export function adoptCss(root: ShadowRoot, text: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    const style = root.ownerDocument.createElement('style');
    style.textContent = text;
    root.prepend(style);
  }
}
