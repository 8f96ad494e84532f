import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from '../../src/db/data-dir-lock.ts';
import { getPreset } from '../../src/domain/index.ts';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'retour-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `retour …` as a user would, on its own embedded database. */
async function retour(args: string[], stdin?: string, folder = dataDir) {
  const child = run('node', ['bin/retour.mjs', ...args], {
    env: { ...process.env, RETOUR_DATA_DIR: folder, DATABASE_URL: '' },
  });
  if (stdin !== undefined) {
    child.child.stdin?.end(stdin);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('retour CLI', () => {
  it('sets up a municipality, a user (password from stdin) and a token on the embedded database', async () => {
    const tenant = await retour([
      'tenant',
      'add',
      'testgem',
      '--name',
      'Gemeente Test',
      '--preset',
      'den-haag',
    ]);
    expect(tenant.stderr).toBe('');
    expect(tenant.stdout).toContain('Created Gemeente Test (testgem');
    const user = await retour(
      ['user', 'add', 'Beheer@Test.nl', '--tenant', 'testgem', '--role', 'municipalityAdmin'],
      'een lang wachtwoord\n',
    );
    expect(user.stdout).toContain('User beheer@test.nl');
    const token = await retour([
      'token',
      'add',
      '--tenant',
      'testgem',
      '--user',
      'beheer@test.nl',
      '--name',
      'ci',
    ]);
    expect(token.stdout.trim()).toMatch(/^rt_[\w-]{40,}$/);
    const estimate = await retour([
      'estimate',
      '--value',
      '1.250.000',
      '--tenant',
      'testgem',
      '--award-date',
      '2026-06-01',
    ]);
    expect(estimate.stdout).toContain('Obligation: €62.500,00');
    const oidc = await retour(
      [
        'oidc',
        'add',
        'testgem',
        '--name',
        'Gemeente-account',
        '--issuer',
        'https://login.test.nl',
        '--client-id',
        'retour',
        '--secret-stdin',
      ],
      'client secret\n',
    );
    expect(oidc.stdout).toContain('Added Gemeente-account (https://login.test.nl');
  }, 120_000);

  it('keeps an existing password unless --reset-password, adds a role once, and asks which role a token gets', async () => {
    const admin = ['user', 'add', 'beheer@test.nl', '--tenant', 'testgem'];
    const overwrite = await retour([...admin, '--role', 'advisor'], 'een ander wachtwoord\n');
    expect(overwrite.code).toBe(1);
    expect(overwrite.stderr).toContain('exists already; its password is kept');
    const added = await retour([...admin, '--role', 'advisor'], '');
    expect(added.stdout).toContain('has the role advisor in testgem.');
    const again = await retour([...admin, '--role', 'advisor'], '');
    expect(again.stdout).toContain('already; no role added');
    const reset = await retour([...admin, '--role', 'advisor', '--reset-password'], 'een ander wachtwoord\n');
    expect(reset.stdout).toContain('The password of beheer@test.nl is replaced.');

    const token = ['token', 'add', '--tenant', 'testgem', '--user', 'beheer@test.nl', '--name', 'ci'];
    const ambiguous = await retour(token);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('several roles in testgem; name one with --role');
    expect(ambiguous.stderr).toMatch(/municipalityAdmin, advisor|advisor, municipalityAdmin/);
    expect((await retour([...token, '--role', 'advisor'])).stdout.trim()).toMatch(/^rt_[\w-]{40,}$/);

    const refusals: [string, string[], string][] = [
      ['initiative role without --initiative', ['--role', 'initiative'], 'needs --initiative <id>'],
      [
        '--initiative on another role',
        ['--role', 'advisor', '--initiative', 'x'],
        'belongs to the role initiative',
      ],
      [
        '--supplier on another role',
        ['--role', 'advisor', '--supplier', 'x'],
        'belongs to the role supplier',
      ],
    ];
    for (const [name, args, message] of refusals) {
      const r = await retour(
        ['user', 'add', 'i@test.nl', '--tenant', 'testgem', ...args],
        'een lang wachtwoord\n',
      );
      expect(r.stderr, name).toContain(message);
    }
  }, 180_000);

  it('refuses a short password and an unknown role with a readable message and exit code 1', async () => {
    const short = await retour(
      ['user', 'add', 'x@test.nl', '--tenant', 'testgem', '--role', 'advisor'],
      'kort\n',
    );
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('at least 12 characters');
    const role = await retour(
      ['user', 'add', 'x@test.nl', '--tenant', 'testgem', '--role', 'boss'],
      'een lang wachtwoord\n',
    );
    expect(role.stderr).toContain('Unknown role boss');
  }, 60_000);

  it('refuses to open the data folder while the server holds it', async () => {
    const release = acquireDataDirLock(dataDir, 'the Retour server');
    try {
      const res = await retour(['tenant', 'add', 'other', '--name', 'Other']);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/in use by the Retour server/);
    } finally {
      release();
    }
  });

  it('backs up the data folder (not while the server holds it) and restores it into an empty one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retour-backup-cli-'));
    const file = join(dir, 'retour.tar.gz');
    const restoredDir = join(dir, 'restored');
    try {
      const release = acquireDataDirLock(dataDir, 'the Retour server');
      try {
        const refused = await retour(['backup', file]);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(/in use by the Retour server/);
      } finally {
        release();
      }
      const backup = await retour(['backup', file]);
      expect(backup.stderr).toBe('');
      expect(backup.stdout).toMatch(/^Backed up \d+ rows in \d+ tables and 0 evidence files/);
      const restored = await retour(['restore', file], undefined, restoredDir);
      expect(restored.stderr).toBe('');
      expect(restored.stdout).toMatch(
        /^Restored \d+ rows in \d+ tables and 0 evidence files from the backup of /,
      );
      const estimate = await retour(
        ['estimate', '--value', '1.250.000', '--tenant', 'testgem', '--award-date', '2026-06-01'],
        undefined,
        restoredDir,
      );
      expect(estimate.stdout).toContain('Obligation: €62.500,00');
      const again = await retour(['restore', file], undefined, restoredDir);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('already holds data');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('values an activities CSV with a policy file and prints the total', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retour-value-'));
    writeFileSync(join(dir, 'policy.json'), JSON.stringify(getPreset('amsterdam')));
    writeFileSync(
      join(dir, 'a.csv'),
      'typeCode;period;fte;months;units\njob-benefits;2026-H1;1;6;\ninternship;2026-H1;;;2\n',
    );
    const res = await retour(['value', join(dir, 'a.csv'), '--policy', join(dir, 'policy.json')]);
    expect(res.stdout).toContain('1 FTE × 6 months / 12 × €35.000,00 = €17.500,00');
    expect(res.stdout).toContain('total €22.500,00 (2 valued, 0 refused)');
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
