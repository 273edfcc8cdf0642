/**
 * The load of bench/http-load.bench.ts, run in a child process of its own (so the clients' work does
 * not share the servers' event loop): virtual users, each with its own token and sheet, loop over the
 * web's requests until the time is up; every request's latency and status is recorded after the
 * warm-up. The parent sends a `LoadPlan` and receives a `LoadResult`.
 */
import { percentile } from './bench-app';

export type Endpoint = 'GET sheet' | 'GET list' | 'PUT save';
export const ENDPOINTS: readonly Endpoint[] = ['GET sheet', 'GET list', 'PUT save'];

export interface VirtualUser {
  username: string;
  token: string;
  sheetId: string;
  departmentId: string;
  fiscalYear: number;
  /** An editor of its sheet saves it (GET, list, GET, save); a finance reviewer only reads (GET, list). */
  saves: boolean;
}

export interface LoadPlan { base: string; users: VirtualUser[]; seconds: number; warmupSeconds: number }

export interface EndpointStats { requests: number; errors: number; statuses: Record<string, number>; p50: number; p99: number; mean: number; max: number }
export interface LoadResult { seconds: number; byEndpoint: Record<Endpoint, EndpointStats>; overall: EndpointStats; firstErrors: string[] }

type Sheet = {
  rowVersion: number; goals: string[]; spendingPlan: unknown[];
  indicators: { id: string; level1: string; level2: string | null; name: string; target: string; description: string | null; basis: string | null; remark: string | null; weight: string | null; spec: unknown; specCorrected: boolean }[];
};

/**
 * The body the web's editor sends when saving (sheet-editor.ts): the whole content, one remark changed
 * per save. A department-wide sheet's tasks and budget are left out ("unchanged"), as in the minimal
 * server's save (when the benchmark was written, the save refused 许昌's published budget, whose parts
 * differ by the rounding of its 万元 table; it is accepted since: budgetPartsRefusal).
 */
export function saveBody(sheet: Sheet, n: number): Record<string, unknown> {
  const body: Record<string, unknown> = {
    rowVersion: sheet.rowVersion,
    goals: sheet.goals,
    indicators: sheet.indicators.map((i, k) => ({
      id: i.id, level1: i.level1, level2: i.level2, name: i.name, target: i.target, description: i.description, basis: i.basis,
      remark: k === 0 ? `压测保存 ${n}` : i.remark, weight: i.weight, ...(i.specCorrected ? { spec: i.spec } : {}),
    })),
    spendingPlan: sheet.spendingPlan,
  };
  return body;
}

function stats(samples: { ms: number; status: number }[]): EndpointStats {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const s of samples) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  return {
    requests: samples.length,
    errors: samples.filter((s) => s.status < 200 || s.status >= 300).length,
    statuses,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const started = performance.now();
  const measureFrom = started + plan.warmupSeconds * 1000;
  const end = measureFrom + plan.seconds * 1000;
  const samples: Record<Endpoint, { ms: number; status: number }[]> = { 'GET sheet': [], 'GET list': [], 'PUT save': [] };
  const firstErrors: string[] = [];
  let saves = 0;

  const request = async (endpoint: Endpoint, user: VirtualUser, url: string, init: RequestInit = {}): Promise<unknown> => {
    const t0 = performance.now();
    let status = 0;
    let body: unknown = null;
    try {
      const res = await fetch(url, { ...init, headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' } });
      status = res.status;
      body = await res.json();
    } catch (error) {
      body = String(error);
    }
    const t1 = performance.now();
    if (t0 >= measureFrom && t1 <= end) samples[endpoint].push({ ms: t1 - t0, status });
    if ((status < 200 || status >= 300) && firstErrors.length < 5) firstErrors.push(`${user.username} ${endpoint} ${status} ${JSON.stringify(body).slice(0, 300)}`);
    return status >= 200 && status < 300 ? body : null;
  };

  const virtualUser = async (user: VirtualUser): Promise<void> => {
    const sheetUrl = `${plan.base}/target-sheets/${user.sheetId}`;
    const listUrl = `${plan.base}/projects?fiscalYear=${user.fiscalYear}&departmentId=${user.departmentId}`;
    let sheet: Sheet | null = null;
    while (performance.now() < end) {
      sheet = ((await request('GET sheet', user, sheetUrl)) as Sheet | null) ?? sheet;
      if (performance.now() >= end) break;
      await request('GET list', user, listUrl);
      if (!user.saves || performance.now() >= end) continue;
      sheet = ((await request('GET sheet', user, sheetUrl)) as Sheet | null) ?? sheet;
      if (!sheet || performance.now() >= end) continue;
      sheet = ((await request('PUT save', user, sheetUrl, { method: 'PUT', body: JSON.stringify(saveBody(sheet, ++saves)) })) as Sheet | null) ?? sheet;
    }
  };
  await Promise.all(plan.users.map(virtualUser));

  const all = ENDPOINTS.flatMap((e) => samples[e]);
  return {
    seconds: plan.seconds,
    byEndpoint: Object.fromEntries(ENDPOINTS.map((e) => [e, stats(samples[e])])) as Record<Endpoint, EndpointStats>,
    overall: stats(all),
    firstErrors,
  };
}

// run as a child: one plan in, one result out
if (require.main === module && process.send) {
  process.once('message', (plan: LoadPlan) => {
    runLoad(plan).then(
      (result) => process.send!(result, () => process.exit(0)),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
