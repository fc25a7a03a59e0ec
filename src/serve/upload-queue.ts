/**
 * A first-come, first-served limit on uploads being read and stored at once. Reading a
 * return and the embedded database both run on the server's one JavaScript thread, so
 * letting every upload interleave only makes all of them slow; a short queue served in
 * order keeps the slowest uploads close to the typical one.
 */
export class UploadQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(readonly slots: number) {}

  /** Run `fn` when a slot is free (in arrival order). */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.slots) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
