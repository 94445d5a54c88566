// Chevrotain's grammar analysis, done when its results are first needed instead of all at parser
// construction: the LL(k) lookahead function of each OR/OPTION/MANY is built on its first decision,
// and the re-sync follow sets on the first error recovery. Construction then records the grammar
// only, which is most of what a one-shot command (`mlsec run`) would otherwise pay before parsing a
// few lines. The results are Chevrotain's own; `parser-config.test.ts` compares them with an
// eagerly analysed parser. No grammar here.
import { LLkLookaheadStrategy } from 'chevrotain';
import type { ILookaheadStrategy, IOrAlt, Rule, TokenType } from 'chevrotain';

type AlternationOptions = Parameters<ILookaheadStrategy['buildLookaheadForAlternation']>[0];
type OptionalOptions = Parameters<ILookaheadStrategy['buildLookaheadForOptional']>[0];
type Lookahead<R> = (this: unknown, alts?: IOrAlt<unknown>[]) => R;

/** Chevrotain's per-parser cache of lookahead functions (present in 11.x). */
interface LookaheadCache {
  lookAheadFuncsCache?: unknown;
}

/**
 * A lookahead function that builds the real one on its first call, puts it in the parser's cache
 * in its own place (later decisions call it directly) and delegates to it. Chevrotain calls
 * lookahead functions with `this` = the parser.
 */
export function lazily<R>(build: () => Lookahead<R>): Lookahead<R> {
  let real: Lookahead<R> | undefined;
  const first = function (this: unknown, alts?: IOrAlt<unknown>[]): R {
    if (real === undefined) {
      real = build();
      const cache = (this as LookaheadCache).lookAheadFuncsCache;
      if (cache instanceof Map)
        for (const [key, fn] of cache as Map<unknown, unknown>)
          if (fn === first) {
            cache.set(key, real);
            break;
          }
    }
    return real.call(this, alts);
  };
  return first;
}

/** Chevrotain's LL(k) strategy, each lookahead function built on first use. */
export class LazyLookaheadStrategy extends LLkLookaheadStrategy {
  override buildLookaheadForAlternation(options: AlternationOptions): Lookahead<number | undefined> {
    return lazily(() => super.buildLookaheadForAlternation(options) as Lookahead<number | undefined>);
  }

  override buildLookaheadForOptional(options: OptionalOptions): () => boolean {
    return lazily(() => super.buildLookaheadForOptional(options) as Lookahead<boolean>) as () => boolean;
  }
}

/** Chevrotain internals behind error recovery's re-sync follow sets (present in 11.x). */
interface FollowsInternals {
  TRACE_INIT?: (this: unknown, phase: string, step: () => unknown) => unknown;
  recoveryEnabled: boolean;
  resyncFollows: Record<string, TokenType[]>;
  gastProductionsCache: Record<string, Rule>;
  getFollowSetFromFollowKey: (this: FollowsInternals, key: unknown) => TokenType[];
  performSelfAnalysis: (this: unknown) => void;
}

/**
 * Runs `performSelfAnalysis` without the follow sets of error recovery (recovery is switched off
 * meanwhile, which is all that skips them) and computes them on the first recovery that reads them.
 * Chevrotain makes the parser's properties fast before recording the grammar, which makes deleting
 * the recording methods afterwards cost milliseconds; that step is moved after the analysis.
 */
export function analyseDeferringFollows(parser: object): void {
  const self = parser as FollowsInternals;
  const recovery = self.recoveryEnabled;
  const trace = self.TRACE_INIT;
  self.recoveryEnabled = false;
  if (typeof trace === 'function')
    self.TRACE_INIT = function (this: unknown, phase: string, step: () => unknown): unknown {
      return phase === 'toFastProps' ? undefined : trace.call(this, phase, step);
    };
  try {
    self.performSelfAnalysis();
  } finally {
    self.recoveryEnabled = recovery;
    delete self.TRACE_INIT;
  }
  const original = self.getFollowSetFromFollowKey;
  if (recovery && typeof original === 'function') {
    let computed = false;
    self.getFollowSetFromFollowKey = function (this: FollowsInternals, key: unknown): TokenType[] {
      if (!computed) {
        this.resyncFollows = computeFollows(this);
        computed = true;
      }
      return original.call(this, key);
    };
  } else if (recovery) self.resyncFollows = computeFollows(self);
  toFastProperties(parser);
}

/**
 * The follow sets Chevrotain computes in `performSelfAnalysis`, by its own code: the analysis run on
 * a stand-in that has only the recorded grammar, with every step but the follow sets skipped.
 */
export function computeFollows(parser: object): Record<string, TokenType[]> {
  const self = parser as FollowsInternals;
  const standIn = {
    TRACE_INIT: (phase: string, step: () => unknown): unknown =>
      phase === 'performSelfAnalysis' || phase === 'computeAllProdsFollows' ? step() : undefined,
    definitionErrors: [],
    skipValidations: true,
    recoveryEnabled: true,
    gastProductionsCache: self.gastProductionsCache,
    resyncFollows: undefined as Record<string, TokenType[]> | undefined,
  };
  self.performSelfAnalysis.call(standIn);
  const follows = standIn.resyncFollows;
  if (follows === undefined || Object.keys(follows).length === 0)
    throw new Error('the follow sets of error recovery could not be computed (unexpected Chevrotain version)');
  return follows;
}

/**
 * Makes V8 store the parser's properties in fast mode again: Chevrotain does this before recording the
 * grammar, but then deleting the recording methods from a fast object costs milliseconds; done here
 * after recording instead. An object that serves as a prototype gets fast properties on first use.
 */
function toFastProperties(object: object): void {
  const instance = Object.create(object) as { absent?: unknown };
  const read = (): unknown => instance.absent;
  read();
  read();
}
