import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Printing the board report is fast only while the app's bundled stylesheet holds no rule for
// print or screen media (ui/adopt-style-sheet.ts says why): such rules live in their own sheets,
// imported with `?inline` and adopted. A stylesheet bundled with one would double the report's
// print work again without any test of the report failing.
const root = join(__dirname, '../../../renderer/src');
const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).map((file) =>
  join(root, file),
);
const sources = files.filter((file) => /\.tsx?$/.test(file));
const mediaRule = /@media\s+(only\s+)?(print|screen)\b/;

describe('print and screen rules', () => {
  const mediaSheets = files.filter(
    (file) => file.endsWith('.css') && mediaRule.test(readFileSync(file, 'utf8')),
  );

  it('are found (the check reads the stylesheets)', () => {
    expect(mediaSheets.map((file) => relative(root, file)).sort()).toEqual(
      expect.arrayContaining(['dashboard/dashboard-print.css', 'report/report-media.css']),
    );
  });

  it.each(mediaSheets.map((file) => [relative(root, file)]))(
    '%s is imported only as text to adopt, never into the bundle',
    (sheet) => {
      const name = sheet.split('/').pop() as string;
      const imports = sources.flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/import\s+(?:[\w{}\s,]+from\s+)?'([^']+)'/g)]
          .map((match) => match[1] as string)
          .filter((path) => path.split('?')[0]?.endsWith(`/${name}`)),
      );
      expect(imports.length).toBeGreaterThan(0);
      for (const path of imports) expect(path).toMatch(/\?inline$/);
    },
  );
});
