import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@utrecht/component-library-css/dist/index.css';
import 'virtual:retour-theme.css';
import './theme/app.css';
import { App } from './app/App.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { SessionProvider } from './features/session/session.tsx';
import { themeClass } from './theme/theme.ts';

const root = document.getElementById('root');
if (root) {
  // The theme class scopes the design tokens; another municipality brings its own (docs/theming.md).
  root.className = `utrecht-root retour-root ${themeClass}`;
  document.body.classList.add('utrecht-body', 'utrecht-document');
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </I18nProvider>
    </StrictMode>,
  );
}
