import { writeFileSync } from 'node:fs';
import type { MethodInput } from '@shared/api/contract';
import type { ExportResult } from '@shared/api/contract-export';
import { AUDIT_KIND_WORDS, auditSentence, type AuditEntry } from '@shared/domain/audit';
import type { HandlerContext } from '../../context';
import { auditEntries } from '../../services/audit';
import { tableToCsv } from './csv-writer';
import { deliverExport, safeFileStem } from './destination';
import type { ValueTable } from './value-table';

// audit.export: the audit trail as CSV, one row per change, through the values export's CSV
// writer (text neutralised against formula injection, numbers left numbers).

const OPERATION_WORDS = { insert: 'created', update: 'changed', delete: 'deleted' } as const;

const COLUMNS = [
  'When',
  'Who',
  'Kind',
  'Change',
  'What',
  'Period',
  'Before',
  'After',
  'From file',
  'In words',
];

export function auditTable(entries: readonly AuditEntry[], locale?: string): ValueTable {
  return {
    columns: COLUMNS.map((header) => ({ header, width: 16 })),
    rows: entries.map((entry) => ({
      decimals: entry.kpi?.decimals ?? 2,
      cells: [
        entry.at,
        entry.who,
        AUDIT_KIND_WORDS[entry.entity],
        OPERATION_WORDS[entry.operation],
        entry.name,
        entry.period,
        entry.before,
        entry.after,
        entry.source,
        auditSentence(entry, locale),
      ],
    })),
  };
}

export function exportAudit(
  ctx: HandlerContext,
  input: MethodInput<'audit.export'>,
): Promise<ExportResult> {
  const workspace = ctx.workspace();
  const entries = auditEntries(
    workspace,
    { deviceId: ctx.deviceId(), userName: ctx.userName() },
    input,
  );
  const day = ctx.now().slice(0, 10);
  return deliverExport(
    ctx.options.mode,
    input.destination,
    {
      fileName: `${safeFileStem(`${workspace.meta().name} audit trail ${day}`)}.csv`,
      extension: '.csv',
      contentType: 'text/csv; charset=utf-8',
    },
    (path) => {
      writeFileSync(path, tableToCsv(auditTable(entries, input.locale)), 'utf8');
      return entries.length;
    },
  );
}
