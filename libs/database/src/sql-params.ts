/** Answers the placeholder of a value added to a statement's parameters (`$3`, or `:p3` for a query builder). */
export type Param = (value: unknown) => string;

/** The positional parameters of one hand-written statement: each value added answers its `$n`. */
export class SqlParams {
  readonly values: unknown[];

  constructor(values: readonly unknown[] = []) {
    this.values = [...values];
  }

  /** Adds a value; answers its placeholder. */
  readonly add: Param = (value) => `$${this.values.push(value)}`;
}

/** Named parameters for a TypeORM query builder: each value added answers its `:name`. */
export class NamedParams {
  readonly values: Record<string, unknown> = {};
  private next = 0;

  constructor(private readonly prefix: string) {}

  readonly add: Param = (value) => {
    const name = `${this.prefix}${(this.next += 1)}`;
    this.values[name] = value;
    return `:${name}`;
  };
}
