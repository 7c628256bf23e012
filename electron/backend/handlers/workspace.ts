import { listWorkspaceFiles } from '../workspace/files';
import {
  changeMeta,
  createWorkspace,
  openSample,
  openWorkspace,
  saveCopy,
} from '../services/workspace';
import type { HandlerGroup } from './types';

// Workspace files: create, open, close, recent list, save a copy, and the workspace's own
// settings (name, fiscal year).

export const workspaceHandlers = {
  'workspace.create': (input, ctx) => createWorkspace(ctx, input),
  'workspace.open': (input, ctx) => openWorkspace(ctx, input.path),
  'workspace.openSample': (_input, ctx) => openSample(ctx),
  'workspace.close': (_input, ctx) => {
    ctx.closeCurrent();
    return null;
  },
  'workspace.current': (_input, ctx) => ctx.current()?.info() ?? null,
  'workspace.rename': (input, ctx) => changeMeta(ctx, 'name', input.name),
  'workspace.setFiscalYearStart': (input, ctx) =>
    changeMeta(ctx, 'fiscal_year_start_month', String(input.month)),
  'workspace.recent': (_input, ctx) => ctx.recent.list(),
  'workspace.forgetRecent': (input, ctx) => ctx.recent.forget(input.path),
  'workspace.listFiles': (_input, ctx) => listWorkspaceFiles(ctx.options.workspacesDir),
  'workspace.saveCopy': (input, ctx) => saveCopy(ctx, input.path),
} satisfies HandlerGroup;
