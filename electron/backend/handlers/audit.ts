import type { HandlerContext } from '../context';
import { auditPage, restoreValue, type Me } from '../services/audit';
import { exportAudit } from '../transfer/export/audit-export';
import type { HandlerGroup } from './types';

// The audit trail: the change log read with names, exported, and a value restored.

const me = (ctx: HandlerContext): Me => ({ deviceId: ctx.deviceId(), userName: ctx.userName() });

export const auditHandlers = {
  'audit.list': (input, ctx) => auditPage(ctx.workspace(), me(ctx), input),
  'audit.export': (input, ctx) => exportAudit(ctx, input),
  'value.restore': (input, ctx) =>
    restoreValue(ctx.workspace(), { enteredBy: ctx.userName(), enteredAt: ctx.now() }, input),
} satisfies HandlerGroup;
