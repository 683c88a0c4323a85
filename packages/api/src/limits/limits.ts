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
