// `npm run dist`: installers for the current platform (Linux AppImage + deb, Windows nsis, macOS
// dmg; see electron-builder.yml). Native modules are rebuilt for Electron to package them, then
// better-sqlite3 is rebuilt for Node again — even when packaging fails — so tests and browser
// mode keep working.

import { ensureBuild, npm, packageBin, run } from './project.mjs';
import { ensureDependencies, ensureNode } from './provision.mjs';

let status = 1;
try {
  ensureNode();
  ensureDependencies();
  ensureBuild({ force: true });
  status = run(process.execPath, [packageBin('electron-builder', 'install-app-deps')]);
  if (status === 0) {
    status = run(process.execPath, [
      packageBin('electron-builder'),
      '--publish',
      'never',
      ...process.argv.slice(2),
    ]);
  }
  if (status === 0) console.log('Installers written to dist/.');
  else console.error('Packaging failed; see the messages above.');
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
} finally {
  console.log('Restoring the Node build of better-sqlite3 for tests and browser mode…');
  if (npm(['rebuild', 'better-sqlite3']) !== 0) {
    console.error('Could not rebuild better-sqlite3 for Node: run `npm rebuild better-sqlite3`.');
    status = status === 0 ? 1 : status;
  }
}
process.exit(status);
