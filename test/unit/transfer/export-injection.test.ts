import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isFormulaLike, neutraliseCell, neutraliseText } from '@shared/transfer/injection';

describe('formula-injection neutralisation', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(1)', `'@SUM(1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
  ])('prefixes %j with a quote', (input, expected) => {
    expect(neutraliseText(input)).toBe(expected);
  });

  it.each(['Best December yet', 'dip: -5 %', ' =not first', '', "'already quoted", 'é=accent'])(
    'leaves %j as typed',
    (input) => {
      expect(neutraliseText(input)).toBe(input);
    },
  );

  it('never touches numbers, so a real negative stays a number', () => {
    expect(neutraliseCell(-1200)).toBe(-1200);
    expect(neutraliseCell(null)).toBeNull();
    expect(neutraliseCell('-1200')).toBe("'-1200");
  });

  it('no neutralised text starts with a trigger, and the original is recoverable', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const safe = neutraliseText(text);
        expect(isFormulaLike(safe)).toBe(false);
        expect(safe === text || safe === `'${text}`).toBe(true);
      }),
    );
  });
});
