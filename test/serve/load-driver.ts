// Many LAs submitting at once: one submitter and machine token per LA (the password is
// hashed once and shared, to keep seeding quick), and a bounded pool of concurrent
// uploads over loopback. Used by test/serve/load.test.ts and bench/serve.bench.ts.
import { lasInYear, type LocalAuthority } from "../../src/reference/las";
import { hashPassword } from "../../src/serve/auth/passwords";
import { openMigrated } from "../../src/serve/serve";
import { createToken, insertUser } from "../../src/serve/storage/people";
import { cleanCsv, PASSWORD, PERIOD, type Location } from "./helpers";

export interface Submitter {
  la: LocalAuthority;
  token: string;
}

/** One submitter (with a token) per LA reporting in the period, and an analyst's token. */
export async function seedSubmitters(location: Location, period = PERIOD): Promise<{ submitters: Submitter[]; analystToken: string }> {
  const { db } = await openMigrated(location);
  try {
    const passwordHash = await hashPassword(PASSWORD);
    return await db.transaction(async (tx) => {
      const submitters: Submitter[] = [];
      for (const la of lasInYear(Number(period))) {
        const id = await insertUser(tx, { email: `submitter-${la.oldCode}@la.example`, role: "submitter", la: la.oldCode, passwordHash });
        submitters.push({ la, token: await createToken(tx, id, "load") });
      }
      const analyst = await insertUser(tx, { email: "analyst@load.example", role: "analyst", passwordHash });
      return { submitters, analystToken: await createToken(tx, analyst, "load") };
    });
  } finally {
    await db.close();
  }
}

export interface UploadResult {
  la: string;
  status: number;
  id?: number;
  ms: number;
  error?: string;
}

/** The multipart body of an upload: a clean long CSV for the LA, submitted at once. */
export function uploadBody(la: LocalAuthority, period = PERIOD): FormData {
  const form = new FormData();
  form.append("period", period);
  form.append("submit", "true");
  form.append("file", new Blob([cleanCsv(la.oldCode, period)]), `${la.oldCode}-${period}.csv`);
  return form;
}

/** Upload each submitter's return, at most `concurrency` at a time. */
export async function submitAll(url: string, submitters: Submitter[], concurrency: number, period = PERIOD): Promise<UploadResult[]> {
  const results: UploadResult[] = [];
  let next = 0;
  const bodies = submitters.map((s) => uploadBody(s.la, period));
  const worker = async () => {
    while (next < submitters.length) {
      const i = next++;
      const s = submitters[i];
      const started = performance.now();
      try {
        const res = await fetch(`${url}/api/returns`, { method: "POST", headers: { authorization: `Bearer ${s.token}` }, body: bodies[i] });
        const body = (await res.json()) as { id?: number };
        results.push({ la: s.la.oldCode, status: res.status, id: body.id, ms: performance.now() - started });
      } catch (error) {
        results.push({ la: s.la.oldCode, status: 0, ms: performance.now() - started, error: String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

/** The q-quantile (0..1) of numbers, nearest rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
