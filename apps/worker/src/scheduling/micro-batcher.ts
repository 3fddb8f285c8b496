export interface BatchOptions {
  /** The most items in one batch. */
  readonly max: number;
  /** How long the first item of a batch waits for others. */
  readonly windowMs: number;
  /** How many batches run at once; more items wait and go in the next batch. */
  readonly inFlight: number;
}

interface Waiting<I, R> {
  readonly item: I;
  readonly resolve: (result: R) => void;
  readonly reject: (reason: unknown) => void;
}

/**
 * Collects the items submitted within a short window (or until a batch is full), runs them together, and
 * settles each submitter's promise with its own outcome.
 */
export class MicroBatcher<I, R> {
  private waiting: Waiting<I, R>[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running = 0;
  /** When an item last arrived or a batch last finished (epoch ms). */
  private busyAt = 0;

  constructor(
    private readonly run: (items: I[]) => Promise<PromiseSettledResult<R>[]>,
    private readonly options: BatchOptions,
  ) {}

  submit(item: I): Promise<R> {
    this.busyAt = Date.now();
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.waiting.length >= this.options.max) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.windowMs);
    });
  }

  /** Items waiting and batches running. */
  get load(): { waiting: number; running: number } {
    return { waiting: this.waiting.length, running: this.running };
  }

  /** How long nothing has waited or run here (null while something does). */
  get calmMs(): number | null {
    return this.waiting.length > 0 || this.running > 0 ? null : Date.now() - this.busyAt;
  }

  /** Runs what waits now, up to `inFlight` batches; the rest goes when a batch finishes. */
  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.waiting.length > 0 && this.running < this.options.inFlight) {
      const batch = this.waiting.splice(0, this.options.max);
      this.running += 1;
      void this.settle(batch).finally(() => {
        this.running -= 1;
        this.busyAt = Date.now();
        this.flush();
      });
    }
  }

  private async settle(batch: Waiting<I, R>[]): Promise<void> {
    let outcomes: PromiseSettledResult<R>[];
    try {
      outcomes = await this.run(batch.map((w) => w.item));
    } catch (error: unknown) {
      outcomes = batch.map(() => ({ status: 'rejected', reason: error }));
    }
    batch.forEach((w, i) => {
      const outcome = outcomes[i];
      if (outcome?.status === 'fulfilled') w.resolve(outcome.value);
      else w.reject(outcome?.reason ?? new Error('the batch answered no outcome'));
    });
  }
}
