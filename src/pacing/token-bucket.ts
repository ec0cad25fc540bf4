/**
 * A token bucket that refills continuously (the algorithm Anthropic documents for its own rate
 * limits): `capacity` units, refilled at `capacity` per minute. The level may go negative, so a
 * request larger than the whole bucket still goes through once the bucket is full, and pays its
 * debt before the next one.
 */
export class TokenBucket {
  readonly capacity: number;
  private readonly perMs: number;
  private level: number;
  private last: number;

  constructor(perMinute: number, now: number) {
    this.capacity = perMinute;
    this.perMs = perMinute / 60_000;
    this.level = perMinute;
    this.last = now;
  }

  private refill(now: number): void {
    if (now > this.last) this.level = Math.min(this.capacity, this.level + (now - this.last) * this.perMs);
    this.last = Math.max(this.last, now);
  }

  /** ms until `amount` units (at most a full bucket) are available; 0 when they are now. */
  waitFor(amount: number, now: number): number {
    this.refill(now);
    const need = Math.min(amount, this.capacity);
    return this.level >= need ? 0 : (need - this.level) / this.perMs;
  }

  take(amount: number, now: number): void {
    this.refill(now);
    this.level -= amount;
  }

  /** Returns (or, negative, charges) units after the fact, e.g. actual minus estimated tokens. */
  adjust(amount: number, now: number): void {
    this.refill(now);
    this.level = Math.min(this.capacity, this.level + amount);
  }

  available(now: number): number {
    this.refill(now);
    return this.level;
  }
}
