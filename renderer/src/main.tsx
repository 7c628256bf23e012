// First: the page's first reads go out before the rest of the bundle is evaluated.
import './app/early-reads';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { Notices } from './ui/Notices';
import { installRejectionGuard } from './app/notices-store';
import { followFirstReads } from './app/first-reads';
import { keepScrollAcrossReloads } from './app/scroll-keeper';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
installRejectionGuard();
keepScrollAcrossReloads();
const firstReads = followFirstReads();
createRoot(root).render(
  <StrictMode>
    <App firstReads={firstReads} />
    <Notices />
  </StrictMode>,
);
