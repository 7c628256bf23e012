import { describe, expect, it } from 'vitest';
import { auditSentence, valueSentence, type AuditEntry } from '@shared/domain/audit';

// The audit trail and a KPI's history read in words, in the user's locale and the KPI's unit.

const kpi = {
  id: 'k',
  name: 'Net profit margin',
  unit: { format: 'percent' as const, currency: null, suffix: '' },
  decimals: 1,
  frequency: 'monthly' as const,
};

function entry(patch: Partial<AuditEntry>): AuditEntry {
  return {
    id: 'e',
    at: '2026-11-02T09:00:00.000Z',
    who: 'Maria',
    entity: 'value',
    entityId: 'k/2026-10',
    operation: 'update',
    name: 'Net profit margin',
    kpi,
    period: '2026-10',
    before: 9.6,
    after: 10.2,
    source: null,
    fields: [],
    ...patch,
  };
}

describe('a value change in words', () => {
  it('names who, the period, and the old and new numbers in the KPI unit', () => {
    expect(valueSentence(entry({}), 'en-GB')).toBe('Maria changed Oct 2026 from 9.6% to 10.2%');
    expect(valueSentence(entry({}), 'de-DE')).toBe(
      'Maria changed Okt. 2026 from 9,6\u00a0% to 10,2\u00a0%',
    );
    expect(auditSentence(entry({}), 'en-GB')).toBe(
      'Maria changed Net profit margin, Oct 2026 from 9.6% to 10.2%',
    );
  });

  it('says imported and names the file for an imported value', () => {
    expect(
      valueSentence(entry({ operation: 'insert', before: null, source: 'sales.csv' }), 'en-GB'),
    ).toBe('Maria imported Oct 2026: 10.2% (from sales.csv)');
    expect(valueSentence(entry({ operation: 'insert', before: null }), 'en-GB')).toBe(
      'Maria entered Oct 2026: 10.2%',
    );
  });

  it('says what was deleted, and a comment-only change as such', () => {
    expect(valueSentence(entry({ operation: 'delete', after: null }), 'en-GB')).toBe(
      'Maria deleted Oct 2026 (was 9.6%)',
    );
    expect(valueSentence(entry({ after: 9.6 }), 'en-GB')).toBe(
      'Maria changed the comment of Oct 2026',
    );
  });

  it('falls back to the bare number and key when the KPI is gone, and to "Someone"', () => {
    expect(valueSentence(entry({ kpi: null, who: '' }), 'en-GB')).toBe(
      'Someone changed 2026-10 from 9.6 to 10.2',
    );
  });
});

describe('other changes in words', () => {
  it('names the kind, the name, and the fields an update changed', () => {
    const objective = entry({
      entity: 'objective',
      kpi: null,
      period: null,
      name: 'Grow revenue',
      fields: [{ field: 'name', before: 'Grow sales', after: 'Grow revenue' }],
    });
    expect(auditSentence(objective)).toBe(
      'Maria changed the objective "Grow revenue": name Grow sales → Grow revenue',
    );
    expect(auditSentence({ ...objective, operation: 'delete', entity: 'action_plan' })).toBe(
      'Maria deleted the action plan "Grow revenue"',
    );
  });
});
