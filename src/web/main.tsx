import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  const [status, setStatus] = useState<string>('…');
  useEffect(() => {
    fetch('/api/v1/health')
      .then((r) => r.json() as Promise<{ status: string }>)
      .then((body) => setStatus(body.status))
      .catch(() => setStatus('onbereikbaar / unreachable'));
  }, []);
  return (
    <main>
      <h1>Retour</h1>
      <p>Social return in aanbestedingen / social return in public procurement.</p>
      <p>
        Status: <output aria-live="polite">{status}</output>
      </p>
    </main>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
