// Rules that differ between screen and print are kept out of the app's bundled stylesheet and
// adopted as small stylesheets of their own. When printing starts, Chromium matches again every
// stylesheet with an @media rule whose answer changes. With one such rule in the bundle, a board
// report of 100 charts was restyled whole and laid out twice for print and twice back for the
// screen (about half of its print time, in Chromium's trace; issue 19); from a sheet of class
// selectors, only the elements those classes name are restyled.

const adopted = new Set<string>();

/** Adds `css` to the document's stylesheets, once, whatever the number of calls. */
export function adoptStyleSheet(css: string): void {
  if (adopted.has(css)) return;
  adopted.add(css);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
