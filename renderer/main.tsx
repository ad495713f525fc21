// Renderer entry: starts i18n in the best guess of the language (settings refine it at boot) and mounts
// the shell with a store bound to the API (IPC under Electron, loopback HTTP in web mode).

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api/client';
import { App } from './app/App';
import { createAppStore } from './app/store';
import { initI18n, resolveLanguage } from './i18n';
import './styles/app.css';

async function start(): Promise<void> {
  await initI18n(resolveLanguage('system', navigator.language));
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <App store={createAppStore(api)} />
    </StrictMode>,
  );
}

void start();
