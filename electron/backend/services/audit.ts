import type { MethodInput } from '@shared/api/contract';
import type { AuditPage, RestoreResult } from '@shared/api/contract-audit';
import { ApiError } from '@shared/api/errors';
import type { AuditEntry, AuditFieldChange, AuditKpi } from '@shared/domain/audit';
import type { ChangeEntity, ChangeLogEntry, Kpi, KpiValue } from '@shared/domain/entities';
import type { Tx } from '../store/change-log';
import { findChange, queryChanges, type ChangeQuery } from '../store/change-log-query';
import { getKpi, listKpis } from '../store/kpis';
import { getScorecard, listAllObjectives, listAllPerspectives } from '../store/records';
import { listValues } from '../store/values';
import { validationError } from '../validation';
import { setValue, removeValue, type Author } from './value';

// The audit trail: the change log read back with names (who, which KPI), filtered; and a value
// restored to an earlier version through the ordinary value write path, so the restore is one
// more entry of the log and can itself be undone.

/** Who made a change: the names this computer knows. */
export interface Me {
  deviceId: string;
  userName: string;
}

export type AuditFilter = Pick<
  MethodInput<'audit.list'>,
  'scorecardId' | 'kpiId' | 'period' | 'entity' | 'from' | 'to'
>;

/** A logged value record; an import's also names its file. */
type LoggedValue = Partial<KpiValue> & { source?: string };

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

function auditKpi(kpi: Kpi | undefined): AuditKpi | null {
  return kpi
    ? {
        id: kpi.id,
        name: kpi.name,
        unit: kpi.unit,
        decimals: kpi.decimals,
        frequency: kpi.frequency,
      }
    : null;
}

function fieldText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
}

/** Bookkeeping fields every record carries; their change says nothing. */
const QUIET_FIELDS = new Set(['updatedAt', 'createdAt', 'enteredAt']);

function changedFields(before: unknown, after: unknown): AuditFieldChange[] {
  const old = asRecord(before) ?? {};
  const now = asRecord(after) ?? {};
  return [...new Set([...Object.keys(old), ...Object.keys(now)])]
    .filter((field) => !QUIET_FIELDS.has(field))
    .filter((field) => JSON.stringify(old[field]) !== JSON.stringify(now[field]))
    .map((field) => ({ field, before: fieldText(old[field]), after: fieldText(now[field]) }));
}

function toAudit(entry: ChangeLogEntry, kpis: Map<string, Kpi>, me: Me): AuditEntry {
  const entity = entry.entity as ChangeEntity;
  const device = entry.deviceId === me.deviceId ? me.userName : 'someone on another computer';
  if (entity === 'value') {
    const slash = entry.entityId.indexOf('/');
    const kpiId = entry.entityId.slice(0, slash);
    const old = asRecord(entry.oldValue) as LoggedValue | null;
    const now = asRecord(entry.newValue) as LoggedValue | null;
    const kpi = kpis.get(kpiId);
    return {
      id: entry.id,
      at: entry.at,
      who: now?.enteredBy !== undefined && now.enteredBy !== '' ? now.enteredBy : device,
      entity,
      entityId: entry.entityId,
      operation: entry.operation,
      name: kpi?.name ?? '',
      kpi: auditKpi(kpi),
      period: entry.entityId.slice(slash + 1),
      before: typeof old?.value === 'number' ? old.value : null,
      after: typeof now?.value === 'number' ? now.value : null,
      source: typeof now?.source === 'string' ? now.source : null,
      fields: [],
    };
  }
  const record = asRecord(entry.newValue) ?? asRecord(entry.oldValue);
  const name = record?.name ?? record?.title;
  const kpi = entity === 'kpi' || entity === 'kpi_reminder' ? kpis.get(entry.entityId) : undefined;
  return {
    id: entry.id,
    at: entry.at,
    who: device,
    entity,
    entityId: entry.entityId,
    operation: entry.operation,
    name: typeof name === 'string' ? name : (kpi?.name ?? ''),
    kpi: auditKpi(kpi),
    period: null,
    before: null,
    after: null,
    source: null,
    fields: entry.operation === 'update' ? changedFields(entry.oldValue, entry.newValue) : [],
  };
}

function queryOf(tx: Tx, filter: AuditFilter): Omit<ChangeQuery, 'limit' | 'offset'> {
  if (filter.kpiId !== undefined) getKpi(tx.db, filter.kpiId, 'kpiId');
  let scope: ChangeQuery['scope'];
  if (filter.scorecardId !== undefined) {
    const card = getScorecard(tx.db, filter.scorecardId, 'scorecardId');
    const perspectives = listAllPerspectives(tx.db).filter((p) => p.scorecardId === card.id);
    const perspectiveIds = new Set(perspectives.map((p) => p.id));
    const objectives = listAllObjectives(tx.db).filter((o) => perspectiveIds.has(o.perspectiveId));
    const kpiIds = listKpis(tx.db, card.id).map((kpi) => kpi.id);
    scope = {
      ids: [card.id, ...perspectiveIds, ...objectives.map((o) => o.id), ...kpiIds],
      kpiIds,
    };
  }
  if (filter.from !== undefined && filter.to !== undefined && filter.from >= filter.to)
    throw validationError([{ field: 'to', message: 'The last day must not be before the first' }]);
  return {
    entity: filter.entity,
    kpiId: filter.kpiId,
    period: filter.period,
    scope,
    from: filter.from,
    to: filter.to,
  };
}

function kpiMap(tx: Tx): Map<string, Kpi> {
  return new Map(listKpis(tx.db).map((kpi) => [kpi.id, kpi]));
}

export function auditPage(tx: Tx, me: Me, input: MethodInput<'audit.list'>): AuditPage {
  return tx.db.transaction(() => {
    const { entries, total } = queryChanges(tx.db, {
      ...queryOf(tx, input),
      limit: input.limit,
      offset: input.offset,
    });
    const kpis = kpiMap(tx);
    return { entries: entries.map((entry) => toAudit(entry, kpis, me)), total };
  })();
}

/** Every entry the filter matches, for the CSV export. */
export function auditEntries(tx: Tx, me: Me, filter: AuditFilter): AuditEntry[] {
  return tx.db.transaction(() => {
    const { entries } = queryChanges(tx.db, {
      ...queryOf(tx, filter),
      limit: -1,
      offset: 0,
    });
    const kpis = kpiMap(tx);
    return entries.map((entry) => toAudit(entry, kpis, me));
  })();
}

export function restoreValue(
  tx: Tx,
  author: Author,
  input: MethodInput<'value.restore'>,
): RestoreResult {
  return tx.db.transaction(() => {
    const entry = findChange(tx.db, input.changeId);
    if (!entry)
      throw new ApiError({
        code: 'NOT_FOUND',
        field: 'changeId',
        message: 'That change is not in the log of this workspace.',
      });
    if (entry.entity !== 'value')
      throw validationError([
        {
          field: 'changeId',
          message: `Only values can be restored; that change is about a ${entry.entity.replace('_', ' ')}`,
        },
      ]);
    const slash = entry.entityId.indexOf('/');
    const kpiId = entry.entityId.slice(0, slash);
    const period = entry.entityId.slice(slash + 1);
    const kpi = getKpi(tx.db, kpiId, 'changeId');
    const target = asRecord(
      input.version === 'after' ? entry.newValue : entry.oldValue,
    ) as LoggedValue | null;
    const latest = (): string | null => tx.changes.valueHistory(kpi.id, period)[0]?.id ?? null;
    const before = latest();
    let value: KpiValue | null = null;
    if (target && typeof target.value === 'number')
      value = setValue(tx, author, {
        kpiId: kpi.id,
        period,
        value: target.value,
        comment: target.comment ?? '',
      });
    else if (listValues(tx.db, { kpiIds: [kpi.id] }).some((stored) => stored.period === period))
      removeValue(tx, author, { kpiId: kpi.id, period });
    const after = latest();
    return { value, changeId: after === before ? null : after };
  })();
}
