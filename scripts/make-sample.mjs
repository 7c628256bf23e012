#!/usr/bin/env node
// Writes resources/sample/sample-workspace.json: "Harbour Street Bakery & Café", a believable
// small business with 24 months of values. Deterministic (seeded), so the file only changes
// when this script does: `node scripts/make-sample.mjs`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT =
  process.argv[2] ??
  join(import.meta.dirname, '..', 'resources', 'sample', 'sample-workspace.json');
const FIRST = { year: 2024, month: 11 };
const MONTHS = 24;

// mulberry32: a tiny seeded PRNG, so the sample is the same on every machine.
let seed = 20261125;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const noise = (size) => (random() * 2 - 1) * size;

const pad = (n) => String(n).padStart(2, '0');
const months = Array.from({ length: MONTHS }, (_, i) => {
  const index = FIRST.month - 1 + i;
  return {
    key: `${FIRST.year + Math.floor(index / 12)}-${pad((index % 12) + 1)}`,
    month: (index % 12) + 1,
    t: i,
  };
});
const quarters = [
  ...new Set(months.map(({ key }) => `${key.slice(0, 4)}-Q${Math.ceil(Number(key.slice(5)) / 3)}`)),
]
  .filter((q) => {
    // only complete quarters
    const [y, qq] = [Number(q.slice(0, 4)), Number(q.slice(6))];
    const last = `${y}-${pad(qq * 3)}`;
    const first = `${y}-${pad(qq * 3 - 2)}`;
    return months.some((m) => m.key === last) && months.some((m) => m.key === first);
  })
  .map((key, t) => ({ key, t }));

const round = (value, decimals) => Number(value.toFixed(decimals));

/** Monthly series from a shape function, rounded; `last` pins the final values (for statuses). */
function monthly(shape, decimals, last = []) {
  const values = {};
  months.forEach(({ key, month, t }) => {
    values[key] = round(shape(t, month), decimals);
  });
  last.forEach((value, i) => {
    values[months[months.length - last.length + i].key] = value;
  });
  return values;
}
function quarterly(shape, decimals, last = []) {
  const values = {};
  quarters.forEach(({ key, t }) => {
    values[key] = round(shape(t), decimals);
  });
  last.forEach((value, i) => {
    values[quarters[quarters.length - last.length + i].key] = value;
  });
  return values;
}

// Bakery seasonality: December peak (Christmas), a summer lift for the cafés, a summer dip for
// wholesale (schools and offices close).
const cafeSeason = [0.92, 0.9, 0.97, 1.0, 1.04, 1.08, 1.12, 1.1, 1.0, 0.98, 1.0, 1.25];
const wholesaleSeason = [0.95, 0.97, 1.0, 1.02, 1.03, 1.0, 0.85, 0.8, 1.02, 1.05, 1.06, 1.18];

const cafeRevenue = monthly(
  (t, m) => 52_000 * (1 + 0.006 * t) * cafeSeason[m - 1] * (1 + noise(0.03)),
  0,
  [57_900, 55_400],
);
const wholesaleRevenue = monthly(
  (t, m) => 31_000 * (1 + 0.004 * t) * wholesaleSeason[m - 1] * (1 + noise(0.04)),
  0,
  [33_600, 29_100],
);
const revenue = Object.fromEntries(
  Object.keys(cafeRevenue).map((k) => [k, cafeRevenue[k] + wholesaleRevenue[k]]),
);

const eur = { format: 'currency', currency: 'EUR' };
const percent = { format: 'percent' };
const count = (suffix) => ({ format: 'number', suffix });
const duration = (suffix) => ({ format: 'duration', suffix });
const pct = (onTrack, atRisk) => ({ mode: 'percent_of_target', onTrack, atRisk });
const abs = (onTrack, atRisk) => ({ mode: 'absolute', onTrack, atRisk });

const kpi = (fields) => ({
  kpiType: 'operational',
  timing: 'lagging',
  measureKind: 'outcome',
  ...fields,
});

const company = {
  key: 'company',
  parent: null,
  name: 'Harbour Street Bakery & Café',
  description: 'The whole business: two cafés, the bakery and the wholesale round.',
  perspectives: [
    {
      name: 'Financial',
      weight: 3,
      objectives: [
        {
          name: 'Grow profitable revenue',
          description: 'More sales without giving up margin.',
          weight: 2,
          kpis: [
            kpi({
              name: 'Total revenue',
              code: 'revenue',
              unit: eur,
              decimals: 0,
              aggregation: 'sum',
              target: 85_000,
              stretchTarget: 95_000,
              baseline: 78_000,
              rollup: 'sum',
              owner: 'Maria',
              dataSource: 'Till system + invoices',
              kpiType: 'strategic',
              description: 'All sales before VAT: cafés plus wholesale.',
              values: revenue,
              comments: {
                '2025-12': 'Best December yet: Christmas stollen sold out',
                '2026-10': 'Wholesale shop on Dock Road closed for refit',
              },
            }),
            kpi({
              name: 'Gross profit margin',
              code: 'gross_profit_margin',
              unit: percent,
              decimals: 1,
              aggregation: 'average',
              target: 62,
              thresholds: pct(100, 95),
              owner: 'Maria',
              dataSource: 'Monthly accounts',
              kpiType: 'strategic',
              description: '(Net sales − cost of goods sold) ÷ net sales × 100.',
              values: monthly((t) => 62.5 + noise(1.2) - (t > 15 ? 0.8 : 0), 1, [61.2, 60.8]),
              comments: { '2026-03': 'Butter price up 18 % since January' },
            }),
            kpi({
              name: 'Net profit margin',
              code: 'net_profit_margin',
              unit: percent,
              decimals: 1,
              aggregation: 'average',
              target: 12,
              baseline: 9,
              thresholds: pct(100, 85),
              owner: 'Maria',
              dataSource: 'Monthly accounts',
              kpiType: 'strategic',
              description: 'Net profit ÷ revenue × 100.',
              values: monthly(
                (t, m) => 10.5 + 0.05 * t + (m === 12 ? 3 : 0) + noise(1),
                1,
                [11.4, 9.6],
              ),
              comments: { '2026-10': 'dip: oven repair and refit costs' },
            }),
          ],
        },
        {
          name: 'Keep costs under control',
          kpis: [
            kpi({
              name: 'Food cost % of sales',
              code: 'food_cost_pct',
              unit: percent,
              decimals: 1,
              aggregation: 'average',
              direction: 'within_range',
              targetMin: 28,
              targetMax: 32,
              thresholds: abs(0, 1.5),
              owner: 'Tom',
              dataSource: 'Supplier invoices',
              kpiType: 'operational',
              timing: 'leading',
              measureKind: 'input',
              description:
                'Ingredients and packaging as a share of sales; too low usually means skimping on quality.',
              values: monthly(() => 30 + noise(1.3), 1, [32.6, 33.1]),
              comments: { '2026-10': 'Flour and butter prices still rising' },
            }),
          ],
        },
        {
          name: 'A healthy cash position',
          kpis: [
            kpi({
              name: 'Operating cash flow',
              code: 'operating_cash_flow',
              unit: eur,
              decimals: 0,
              aggregation: 'sum',
              target: 8_000,
              owner: 'Maria',
              dataSource: 'Bank statements',
              description: 'Net income + non-cash expenses − increase in working capital.',
              values: monthly(
                (t, m) => 8_600 * (m === 12 ? 1.6 : 1) * (1 + noise(0.12)),
                0,
                [8_900, 8_350],
              ),
            }),
            kpi({
              name: 'Working capital ratio',
              code: 'working_capital_ratio',
              unit: count('×'),
              decimals: 2,
              frequency: 'quarterly',
              aggregation: 'last',
              target: 1.5,
              thresholds: pct(100, 90),
              owner: 'Maria',
              dataSource: 'Quarterly balance sheet',
              description: 'Current assets ÷ current liabilities.',
              values: quarterly((t) => 1.55 + 0.01 * t + noise(0.05), 2, [1.62]),
            }),
          ],
        },
      ],
    },
    {
      name: 'Customer',
      weight: 2,
      objectives: [
        {
          name: 'Delight our guests',
          kpis: [
            kpi({
              name: 'Customer satisfaction (CSAT)',
              code: 'csat',
              unit: percent,
              decimals: 0,
              aggregation: 'average',
              target: 90,
              thresholds: pct(100, 95),
              owner: 'Ana',
              dataSource: 'Receipt survey',
              kpiType: 'strategic',
              values: monthly(() => 91 + noise(2.5), 0, [92, 91]),
            }),
            kpi({
              name: 'Net Promoter Score',
              code: 'nps',
              unit: count('points'),
              decimals: 0,
              frequency: 'quarterly',
              aggregation: 'last',
              target: 50,
              stretchTarget: 60,
              thresholds: pct(100, 85),
              owner: 'Ana',
              dataSource: 'Quarterly guest survey',
              kpiType: 'strategic',
              values: quarterly(() => 52 + noise(4), 0, [47]),
              comments: { '2026-Q3': 'Complaints about queues at the harbour café in August' },
            }),
          ],
        },
        {
          name: 'Keep customers coming back',
          kpis: [
            kpi({
              name: 'Customer retention rate',
              code: 'customer_retention_rate',
              unit: percent,
              decimals: 1,
              frequency: 'quarterly',
              aggregation: 'average',
              target: 80,
              thresholds: pct(100, 95),
              owner: 'Ana',
              dataSource: 'Loyalty app',
              description: '(Customers at end − new customers) ÷ customers at start × 100.',
              values: quarterly(() => 82 + noise(2), 1, [83.4]),
            }),
            kpi({
              name: 'Loyalty members',
              code: 'loyalty_members',
              unit: count('members'),
              decimals: 0,
              aggregation: 'last',
              target: 1_800,
              owner: 'Ana',
              dataSource: 'Loyalty app',
              timing: 'leading',
              measureKind: 'output',
              values: monthly((t) => 1_200 + 32 * t + noise(15), 0, [1_930, 1_968]),
            }),
          ],
        },
        {
          name: 'Grow the online shop',
          kpis: [
            kpi({
              name: 'Online shop conversion rate',
              code: 'conversion_rate',
              unit: percent,
              decimals: 1,
              aggregation: 'average',
              target: 3,
              thresholds: pct(100, 85),
              owner: 'Sam',
              dataSource: 'Shop analytics',
              timing: 'leading',
              measureKind: 'process',
              description: 'Conversions ÷ total visitors × 100.',
              values: monthly(() => 3.1 + noise(0.3), 1, [2.4, 2.1]),
              comments: {
                '2026-09': 'New checkout page went live',
                '2026-10': 'Checkout bug on mobile for two weeks',
              },
            }),
            kpi({
              name: 'Average order value',
              code: 'average_order_value',
              unit: eur,
              decimals: 2,
              aggregation: 'average',
              target: 28,
              owner: 'Sam',
              dataSource: 'Shop analytics',
              measureKind: 'output',
              values: monthly((t) => 27.5 + 0.08 * t + noise(1), 2, [29.4, 29.85]),
            }),
          ],
        },
      ],
    },
    {
      name: 'Internal Process',
      weight: 2,
      objectives: [
        {
          name: 'Bake on time, every time',
          kpis: [
            kpi({
              name: 'On-time wholesale deliveries',
              code: 'on_time_delivery',
              unit: percent,
              decimals: 1,
              aggregation: 'average',
              target: 97,
              thresholds: pct(100, 97),
              owner: 'Tom',
              dataSource: 'Delivery app',
              measureKind: 'process',
              values: monthly(() => 97.5 + noise(1.5), 1, [98.1, 97.6]),
            }),
            kpi({
              name: 'Online order fulfilment time',
              code: 'order_fulfilment_time',
              unit: duration('hours'),
              decimals: 1,
              aggregation: 'average',
              direction: 'lower_is_better',
              target: 24,
              thresholds: pct(100, 115),
              owner: 'Sam',
              dataSource: 'Shop back office',
              measureKind: 'process',
              values: monthly(() => 21 + noise(3), 1, [22.5, 26.4]),
            }),
          ],
        },
        {
          name: 'Waste less',
          kpis: [
            kpi({
              name: 'Unsold bread written off',
              code: 'waste_pct',
              unit: percent,
              decimals: 1,
              aggregation: 'average',
              direction: 'lower_is_better',
              target: 4,
              thresholds: pct(100, 125),
              owner: 'Tom',
              dataSource: 'Closing counts',
              timing: 'leading',
              measureKind: 'process',
              values: monthly(() => 3.8 + noise(0.5), 1, [5.6, 6.1]),
              comments: {
                '2026-09': 'Over-baking after the new oven schedule',
                '2026-10': 'Dock Road shop closed: its standing order still baked for a week',
              },
            }),
            kpi({
              name: 'Inventory turnover',
              code: 'inventory_turnover',
              unit: count('×'),
              decimals: 1,
              aggregation: 'average',
              target: 8,
              thresholds: pct(100, 90),
              owner: 'Tom',
              dataSource: 'Stock sheet',
              description: 'Cost of goods sold ÷ average inventory.',
              values: monthly(() => 8.4 + noise(0.6), 1, [8.6, 8.3]),
            }),
          ],
        },
        {
          name: 'Resolve complaints fast',
          kpis: [
            kpi({
              name: 'Average complaint resolution time',
              code: 'avg_resolution_time',
              unit: duration('days'),
              decimals: 1,
              aggregation: 'average',
              direction: 'lower_is_better',
              target: 2,
              thresholds: pct(100, 125),
              owner: 'Ana',
              dataSource: 'Complaints log',
              measureKind: 'process',
              description: 'Total resolution time ÷ number of resolved complaints.',
              values: monthly(() => 1.7 + noise(0.4), 1, [1.8, 1.6]),
            }),
          ],
        },
      ],
    },
    {
      name: 'Learning & Growth',
      weight: 1,
      objectives: [
        {
          name: 'A skilled and stable team',
          kpis: [
            kpi({
              name: 'Staff turnover',
              code: 'staff_turnover',
              unit: percent,
              decimals: 1,
              frequency: 'quarterly',
              aggregation: 'average',
              direction: 'lower_is_better',
              target: 8,
              thresholds: pct(100, 125),
              owner: 'Lena',
              dataSource: 'Payroll',
              kpiType: 'functional',
              values: quarterly(() => 7 + noise(1.5), 1, [9.1]),
              comments: { '2026-Q3': 'Two bakers left for the new supermarket bakery' },
            }),
            kpi({
              name: 'Food safety training completion',
              code: 'training_completion',
              unit: percent,
              decimals: 0,
              aggregation: 'last',
              target: 95,
              thresholds: pct(100, 95),
              owner: 'Lena',
              dataSource: 'Training records',
              kpiType: 'functional',
              timing: 'leading',
              measureKind: 'input',
              values: monthly((t) => Math.min(100, 85 + t * 0.5 + noise(3)), 0, [96, 97]),
            }),
          ],
        },
        {
          name: 'Keep innovating',
          kpis: [
            kpi({
              name: 'New products launched',
              code: 'new_products',
              unit: count('products'),
              decimals: 0,
              frequency: 'quarterly',
              aggregation: 'sum',
              target: 2,
              thresholds: abs(2, 1),
              owner: 'Tom',
              dataSource: 'Product list',
              kpiType: 'strategic',
              timing: 'leading',
              measureKind: 'output',
              values: quarterly(() => Math.round(2 + noise(1.4)), 0, [3]),
            }),
          ],
        },
      ],
    },
  ],
};

const cafes = {
  key: 'cafes',
  parent: 'company',
  name: 'Cafés',
  description: 'The harbour café and the market square café.',
  perspectives: [
    {
      name: 'Financial',
      objectives: [
        {
          name: 'Café sales',
          kpis: [
            kpi({
              name: 'Café revenue',
              code: 'cafe_revenue',
              unit: eur,
              decimals: 0,
              aggregation: 'sum',
              parent: 'revenue',
              target: 52_000,
              owner: 'Ana',
              dataSource: 'Till system',
              values: cafeRevenue,
            }),
          ],
        },
      ],
    },
    {
      name: 'Customer',
      objectives: [
        {
          name: 'Fast, friendly service',
          kpis: [
            kpi({
              name: 'Average wait at the counter',
              code: 'avg_wait_time',
              unit: duration('minutes'),
              decimals: 1,
              aggregation: 'average',
              direction: 'lower_is_better',
              target: 4,
              thresholds: pct(100, 120),
              owner: 'Ana',
              dataSource: 'Till timestamps',
              measureKind: 'process',
              values: monthly(
                (t, m) => 3.6 + (m >= 6 && m <= 8 ? 0.6 : 0) + noise(0.3),
                1,
                [4.3, 4.6],
              ),
            }),
          ],
        },
      ],
    },
  ],
};

const wholesale = {
  key: 'wholesale',
  parent: 'company',
  name: 'Wholesale',
  description: 'Bread and pastries delivered to shops, hotels and offices.',
  perspectives: [
    {
      name: 'Financial',
      objectives: [
        {
          name: 'Wholesale sales',
          kpis: [
            kpi({
              name: 'Wholesale revenue',
              code: 'wholesale_revenue',
              unit: eur,
              decimals: 0,
              aggregation: 'sum',
              parent: 'revenue',
              target: 32_000,
              owner: 'Tom',
              dataSource: 'Invoices',
              values: wholesaleRevenue,
            }),
          ],
        },
      ],
    },
    {
      name: 'Customer',
      objectives: [
        {
          name: 'Reliable for our shops',
          kpis: [
            kpi({
              name: 'Active wholesale accounts',
              code: 'wholesale_accounts',
              unit: count('accounts'),
              decimals: 0,
              aggregation: 'last',
              target: 40,
              thresholds: pct(100, 95),
              owner: 'Tom',
              dataSource: 'Invoices',
              values: monthly((t) => Math.round(34 + t * 0.3 + noise(1)), 0, [42, 41]),
            }),
          ],
        },
      ],
    },
  ],
};

// The strategy map: cause → effect from the people up to the money, by objective name. One
// loop on purpose (innovation → online shop → revenue → cash → innovation): the bakery funds
// new products from its cash, and the map should be able to say so.
const links = [
  ['A skilled and stable team', 'Bake on time, every time', 'trained bakers, fewer late batches'],
  ['A skilled and stable team', 'Resolve complaints fast', ''],
  ['A skilled and stable team', 'Waste less', 'better forecasting of each day’s bake'],
  ['Keep innovating', 'Grow the online shop', 'new products to sell online'],
  ['Bake on time, every time', 'Delight our guests', 'fresh bread when the doors open'],
  ['Bake on time, every time', 'Reliable for our shops', 'deliveries before opening time'],
  ['Resolve complaints fast', 'Keep customers coming back', ''],
  ['Waste less', 'Keep costs under control', 'less food thrown away'],
  ['Fast, friendly service', 'Delight our guests', ''],
  ['Delight our guests', 'Keep customers coming back', ''],
  ['Keep customers coming back', 'Grow profitable revenue', 'regulars spend more'],
  ['Grow the online shop', 'Grow profitable revenue', ''],
  ['Keep costs under control', 'A healthy cash position', ''],
  ['Grow profitable revenue', 'A healthy cash position', ''],
  ['A healthy cash position', 'Keep innovating', 'cash funds new recipes'],
].map(([from, to, label]) => ({ from, to, label }));

const sample = {
  format: 'kpi-scorecard-sample',
  version: 1,
  workspace: { name: 'Harbour Street Bakery & Café', fiscalYearStartMonth: 1 },
  scorecards: [company, cafes, wholesale],
  links,
};

// Compact but readable: one KPI's values on one line.
const text = JSON.stringify(sample, null, 2).replace(
  /"(values|comments)": \{\n([^}]*)\}/g,
  (_, key, body) =>
    `"${key}": { ${body
      .trim()
      .split(/,\n\s*/)
      .join(', ')} }`,
);
writeFileSync(OUT, `${text}\n`);
console.log(`Wrote ${OUT}`);
