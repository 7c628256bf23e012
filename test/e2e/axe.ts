import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

// axe-core on what the page shows now: a serious or critical violation fails the test (softly,
// so every screen is reported) with the rule, the elements and axe's advice. Also checked:
// visible labels are part of accessible names (an experimental rule, off by default), since
// speech users say what they see.

const BLOCKING = new Set(['serious', 'critical']);

export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const blocking = results.violations.filter(
    (violation) =>
      BLOCKING.has(violation.impact ?? '') || violation.id === 'label-content-name-mismatch',
  );
  const report = blocking
    .map(
      (violation) =>
        `${violation.id} (${violation.impact ?? '?'}): ${violation.help}\n` +
        violation.nodes
          .slice(0, 5)
          .map((node) => `   ${node.target.join(' ')}: ${node.failureSummary ?? ''}`)
          .join('\n'),
    )
    .join('\n');
  expect.soft(report, `axe on ${screen}`).toBe('');
}
