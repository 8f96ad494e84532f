// Start to ready on an existing data folder: `node bench/start-time.mjs [runs] [-- command…]`.
// Starts the server `runs` times (default 7) on RETOUR_DATA_DIR (default ./data, which must exist:
// start once first), times spawn → first answer of GET /api/v1/ready, and stops it with SIGTERM.
// Prints each run and the medians; the CPU time (from /proc) is steadier than the wall time on a busy machine.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { serverNodeArgs } from './server-command.mjs';

const args = process.argv.slice(2);
const dash = args.indexOf('--');
const runs = Number(args[0] && args[0] !== '--' ? args[0] : 7);
const command = dash >= 0 ? args.slice(dash + 1) : ['node', ...serverNodeArgs()];
const dataDir = process.env.RETOUR_DATA_DIR ?? 'data';
if (!existsSync(dataDir)) throw new Error(`${dataDir} does not exist: start Retour once first`);
const port = String(39_000 + Math.floor(Math.random() * 900));

const cpuMs = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 10 ms ticks
  } catch {
    return NaN;
  }
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const walls = [];
const cpus = [];
const stops = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const child = spawn(command[0], command.slice(1), {
    env: { ...process.env, RETOUR_DATA_DIR: dataDir, PORT: port, HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let line = '';
  child.stdout.on('data', (d) => (line += String(d)));
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/v1/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  walls.push(Math.round(performance.now() - started));
  cpus.push(cpuMs(child.pid));
  const signalled = performance.now();
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGTERM');
  await exited;
  stops.push(Math.round(performance.now() - signalled));
  const ready = /ready in .*/.exec(line)?.[0] ?? '';
  console.log(
    `run ${i + 1}: ready after ${walls.at(-1)} ms (cpu ${cpus.at(-1)} ms), stopped ${stops.at(-1)} ms | ${ready}`,
  );
}
console.log(
  `median of ${runs}: start ${median(walls)} ms, cpu ${median(cpus)} ms, stop ${median(stops)} ms; load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
);
