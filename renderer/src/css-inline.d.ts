// Vite's `?inline` import of a stylesheet: its text, not added to the page (ui/adopt-style-sheet.ts).
declare module '*.css?inline' {
  const css: string;
  export default css;
}
