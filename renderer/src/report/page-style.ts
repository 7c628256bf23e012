import { useEffect } from 'react';
import { pageCss, type PageStyleInput } from '@shared/report/page-css';

// The report's @page rules change with its options (paper, orientation, footer text). The
// app's CSP allows no inline <style>, so they go into a constructed stylesheet adopted by the
// document while the report is shown — CSSOM, which the policy does not restrict.

export function usePageStyle(input: PageStyleInput | null): void {
  const css = input ? pageCss(input) : null;
  useEffect(() => {
    if (css === null) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [css]);
}
