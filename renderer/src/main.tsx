import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startServerEvents } from './api/events';
import { Notices } from './components/Notices';
import { installRejectionGuard } from './state/notices-store';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
installRejectionGuard();
startServerEvents();
createRoot(root).render(
  <StrictMode>
    <App />
    <Notices />
  </StrictMode>,
);
