import './app/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startServerEvents } from './api/events';
import { Notices } from './ui/Notices';
import { installRejectionGuard } from './app/notices-store';
import { sendFirstReads } from './app/first-reads';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
installRejectionGuard();
startServerEvents();
const firstReads = sendFirstReads();
createRoot(root).render(
  <StrictMode>
    <App firstReads={firstReads} />
    <Notices />
  </StrictMode>,
);
