/** The contract between the NLU and its callers (engine, studio "try it", publish). */

export interface EntityMatch {
  /** Entity name, e.g. `orderNumber`, or a built-in: `number`, `email`, `phone`, `date`. */
  entity: string;
  /** Normalised value: the canonical list value, a number, an ISO date, a lower-cased email... */
  value: string | number;
  /** The text as the customer typed it. */
  text: string;
  start: number;
  end: number;
}

export interface IntentScore {
  intent: string;
  confidence: number;
}

export interface Classification {
  /** `null` when the best confidence is below the threshold: out of scope. */
  intent: string | null;
  confidence: number;
  /** The best intents (at most ten), best first. */
  ranking: IntentScore[];
  entities: EntityMatch[];
}

export interface ClassifyOptions {
  /** Below this confidence the intent is `null`; defaults to the threshold picked in training. */
  threshold?: number;
  /**
   * "Today" for relative dates ("tomorrow", "next friday"); defaults to the current time. The
   * engine passes its injected clock, so a turn's entities do not depend on when it runs.
   */
  now?: Date;
}

export interface NluClassifier {
  classify(text: string, options?: ClassifyOptions): Classification;
}
