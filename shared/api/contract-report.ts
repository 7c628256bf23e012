// The PDF board report: its options and data.
// Merged into the one contract in contract.ts.

export const reportContract = {} as const;
