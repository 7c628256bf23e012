import { desktopBridge } from '../api/transport';
import { useWorkspaceStore } from './workspace-store';

// "Open…": the desktop app's native dialog; browser mode has none, so the caller shows its
// own (OpenFileDialog). Returns false when the caller should show it.

export async function openWithNativeDialog(): Promise<boolean> {
  const bridge = desktopBridge();
  if (!bridge) return false;
  const path = await bridge.dialogs.openWorkspace();
  if (path) await useWorkspaceStore.getState().open(path);
  return true;
}
