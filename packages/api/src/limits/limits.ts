/** The limits every GraphQL request is held to; README.md lists them. */
export const LIMITS = {
  /** Largest `first` / `last` of a connection. */
  pageSize: 100,
  /** Deepest selection. */
  depth: 12,
  /** Estimated cost, with list sizes counted (a list's children weigh `first`, or 10 times, as much). */
  complexity: 20_000,
  /** Most fields selected in one request. */
  breadth: 400,
  /** Most aliases in one request. */
  aliases: 30,
  /** Most tokens in a document. */
  tokens: 3_000,
  /** Largest request body. */
  bodyBytes: 200 * 1024,
  /**
   * Largest answer sent. The cost model refuses what would be larger before it runs (a unit of
   * complexity stands for about 100 bytes of payload where fields are large: geometry, long text);
   * this is the backstop for what it cannot foresee.
   */
  responseBytes: 4 * 1024 * 1024,
} as const;

/**
 * Bytes of answer one unit of complexity stands for, where a field's payload is what it costs:
 * geometry and long text weigh what they can hold, so that the complexity limit (about 2 MB of
 * such payload) refuses a query before it runs instead of after it has built a huge answer.
 */
export const BYTES_PER_COST_UNIT = 100;

/** The complexity of a field that can hold up to `maxBytes` of payload. */
export const payloadWeight = (maxBytes: number): number => Math.ceil(maxBytes / BYTES_PER_COST_UNIT);

/** Pothos relay's page size when a connection is asked for without `first` or `last`. */
const DEFAULT_PAGE = 20;

/**
 * The complexity of a connection field: its edges, a list weighed 10 times by default, count as
 * many times as the page holds (`first` or `last`), so that a page of 100 long profiles weighs
 * what it sends and not what a page of 10 would.
 */
export const connectionComplexity = (args: { first?: number | null; last?: number | null }) => ({
  field: 1,
  multiplier: Math.max(1, Math.ceil((args.first ?? args.last ?? DEFAULT_PAGE) / 10)),
});
