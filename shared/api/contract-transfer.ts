// Import and export: spreadsheets in and out, JSON packages.
// Merged into the one contract in contract.ts.

export const transferContract = {} as const;
