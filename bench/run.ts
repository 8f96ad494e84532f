/**
 * Benchmark of the calculation core (issue 3): value 1,000,000 generated activities over 100,000
 * contracts with the domain functions, then compute each contract's progress and the portfolio;
 * compare with a bare loop doing the same arithmetic on plain numbers.
 *   node --import tsx bench/run.ts [contracts] [activities] [repetitions]
 */
import { generate } from './generate.ts';
import { bareRun, bareValuesRun, domainRun, explainedRun } from './runs.ts';

const contractCount = Number(process.argv[2] ?? 100_000);
const activityCount = Number(process.argv[3] ?? 1_000_000);
const repetitions = Number(process.argv[4] ?? 7);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/**
 * Times the functions in turn, round after round (after one warm-up round), so that a busy moment on a
 * shared machine falls on all of them alike rather than on whichever happened to run then.
 */
function time(...fns: (() => unknown)[]): number[][] {
  for (const fn of fns) fn(); // warm up
  const out = fns.map((): number[] => []);
  for (let r = 0; r < repetitions; r++)
    fns.forEach((fn, i) => {
      const t0 = performance.now();
      fn();
      out[i]?.push(performance.now() - t0);
    });
  return out;
}

const t0 = performance.now();
const data = generate(contractCount, activityCount);
console.log(
  `generated ${contractCount.toLocaleString('en')} contracts, ${activityCount.toLocaleString('en')} activities in ${(performance.now() - t0).toFixed(0)} ms`,
);

const check = domainRun(data);
const bare = bareRun(data);
const worst = (
  ['obligationCents', 'realisedCents', 'verifiedCents', 'expectedCents', 'forecastCents'] as const
)
  .map((key) => `${key} ${Math.abs(bare.portfolio[key] - check.portfolio[key]).toFixed(0)}`)
  .join(', ');
console.log(
  `portfolio: obligation €${(check.portfolio.obligationCents / 100).toFixed(2)}, realised €${(check.portfolio.realisedCents / 100).toFixed(2)}, statuses ${JSON.stringify(check.portfolio.byStatus)}`,
);
console.log(
  `bare loop, same portfolio on plain numbers: statuses ${JSON.stringify(bare.portfolio.byStatus)}; totals differ by (cents, float rounding) ${worst}; value checksum by ${Math.abs(bare.checksum - check.checksum)}`,
);

const [domainTimes = [], bareTimes = [], valuesTimes = []] = time(
  () => domainRun(data),
  () => bareRun(data),
  () => bareValuesRun(data),
);
const domain = median(domainTimes);
const baseline = median(bareTimes);
const valuesOnly = median(valuesTimes);
const explained = median(time(() => explainedRun(data))[0] ?? []);
const rows = [
  ['domain: value + progress + portfolio', domain, domain <= 1_000 ? 'ok (≤ 1 s)' : 'over 1 s'],
  ['bare loop, plain numbers, same portfolio', baseline, ''],
  ['ratio domain / bare', domain / baseline, domain / baseline <= 3 ? 'ok (≤ 3×)' : 'over 3×'],
  ['bare loop, values and realised total only (the baseline before stop 24)', valuesOnly, 'informative'],
  ['ratio domain / values-only loop', domain / valuesOnly, 'informative'],
  ['valueActivity with explanations (1M)', explained, 'informative'],
] as const;
console.log(`\nmedian of ${repetitions} runs after a warm-up, node ${process.version}`);
console.log('| measure | result | goal |\n|---|---|---|');
for (const [name, v, note] of rows)
  console.log(
    `| ${name} | ${name.startsWith('ratio') ? `${v.toFixed(2)}×` : `${v.toFixed(0)} ms`} | ${note} |`,
  );
