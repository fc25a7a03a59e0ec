/**
 * Login rate limiting: failed attempts are counted per client address and email over a
 * sliding window; past the limit, attempts are refused (429) without checking the password
 * until the window has passed. A successful sign-in clears the count. In memory: a
 * restart forgets, which is acceptable for a brute-force brake.
 */
import { HttpError } from "../access.ts";

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(private readonly max: number, private readonly windowMs: number) {}

  private key(address: string, email: string): string {
    return `${address}|${email.trim().toLowerCase()}`;
  }

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (times.length) this.failures.set(key, times);
    else this.failures.delete(key);
    return times;
  }

  /** @throws HttpError 429 when this address and email have failed too often. */
  check(address: string, email: string, now = Date.now()): void {
    const times = this.recent(this.key(address, email), now);
    if (times.length >= this.max) {
      const wait = Math.ceil((times[0] + this.windowMs - now) / 60_000);
      throw new HttpError(429, "E_TOO_MANY", `Too many failed sign-in attempts: try again in ${wait} minute${wait === 1 ? "" : "s"}.`);
    }
  }

  failed(address: string, email: string, now = Date.now()): void {
    const key = this.key(address, email);
    this.failures.set(key, [...this.recent(key, now), now]);
    if (this.failures.size > 100_000) this.failures.delete(this.failures.keys().next().value!);
  }

  succeeded(address: string, email: string): void {
    this.failures.delete(this.key(address, email));
  }
}
