import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// One app per run, on a spare port, with a fresh data folder and the demo municipality.
// E2E_BASE_URL runs the journeys against a server that is already up instead.
const port = Number(process.env.E2E_PORT ?? 3950);
// Mail goes to a real SMTP sink that a journey starts on this port when it reads mail
// (e2e/forgot-password.spec.ts); without one listening, delivery is retried later, as in production.
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? port + 1);
const external = process.env.E2E_BASE_URL;
if (!external) process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'retour-e2e-'));

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: external ?? `http://127.0.0.1:${port}`,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: external
    ? undefined
    : {
        command: 'node scripts/ensure-build.mjs && node --enable-source-maps dist/server/main.js',
        url: `http://127.0.0.1:${port}/api/v1/health`,
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: 'pipe',
        env: {
          PORT: String(port),
          HOST: '127.0.0.1',
          RETOUR_DATA_DIR: process.env.E2E_DATA_DIR ?? '',
          SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
          TZ: 'UTC',
        },
      },
});
