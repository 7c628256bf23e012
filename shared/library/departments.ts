// The library's departments and the perspectives its KPIs suggest, apart from its schema
// (schema.ts): the renderer lists these, and importing the schema would build every zod
// schema on its start.

export const LIBRARY_DEPARTMENTS = [
  'sales',
  'marketing',
  'finance',
  'customer-service',
  'operations',
  'it',
  'hr',
  'saas',
  'chatbot-automation',
  'non-profit',
  'retail',
  'hospitality',
] as const;
export type LibraryDepartment = (typeof LIBRARY_DEPARTMENTS)[number];

export const DEPARTMENT_LABELS: Readonly<Record<LibraryDepartment, string>> = {
  sales: 'Sales',
  marketing: 'Marketing',
  finance: 'Finance',
  'customer-service': 'Customer service',
  operations: 'Operations',
  it: 'IT',
  hr: 'HR',
  saas: 'SaaS',
  'chatbot-automation': 'Chatbot and automation',
  'non-profit': 'Non-profit',
  retail: 'Retail',
  hospitality: 'Hospitality',
};

/** The balanced-scorecard perspective a library KPI usually belongs to. */
export const SUGGESTED_PERSPECTIVES = [
  'Financial',
  'Customer',
  'Internal Process',
  'Learning & Growth',
] as const;
export type SuggestedPerspective = (typeof SUGGESTED_PERSPECTIVES)[number];
