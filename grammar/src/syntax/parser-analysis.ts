// Chevrotain's grammar analysis, done when its results are first needed instead of all at parser
// construction: the grammar is recorded (and resolved) the first time Chevrotain reads it or its
// lookahead cache, which a one-shot run of a simple program may never do; the LL(k) lookahead
// function of each OR/OPTION/MANY is built on its first decision, and the re-sync follow sets on the
// first error recovery. The results are Chevrotain's own; `parser-config.test.ts` compares them with
// an eagerly analysed parser. No grammar here.
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

/** Chevrotain internals behind the grammar analysis and error recovery's follow sets (present in 11.x). */
interface FollowsInternals {
  TRACE_INIT?: (this: unknown, phase: string, step: () => unknown) => unknown;
  recoveryEnabled: boolean;
  resyncFollows: Record<string, TokenType[]>;
  gastProductionsCache: Record<string, Rule>;
  lookAheadFuncsCache: Map<unknown, unknown>;
  getFollowSetFromFollowKey: (this: FollowsInternals, key: unknown) => TokenType[];
  performSelfAnalysis: (this: unknown) => void;
}

/**
 * Runs `performSelfAnalysis` without the phases in `skipped` and without the follow sets of error
 * recovery (recovery is switched off meanwhile, which is all that skips them).
 */
function selfAnalysisWithout(self: FollowsInternals, skipped: ReadonlySet<string>): void {
  const recovery = self.recoveryEnabled;
  const trace = self.TRACE_INIT;
  if (typeof trace !== 'function') throw new Error('unexpected Chevrotain version: no TRACE_INIT');
  self.recoveryEnabled = false;
  self.TRACE_INIT = function (this: unknown, phase: string, step: () => unknown): unknown {
    return skipped.has(phase) ? undefined : trace.call(this, phase, step);
  };
  try {
    self.performSelfAnalysis();
  } finally {
    self.recoveryEnabled = recovery;
    delete self.TRACE_INIT;
  }
}

/**
 * Chevrotain makes the parser's properties fast before recording the grammar, which makes deleting
 * the recording methods afterwards cost milliseconds; that step is done after the analysis instead.
 */
const AFTER_RECORDING = new Set(['toFastProps']);
/** What `performSelfAnalysis` does with the recorded grammar (validations are off unless validating). */
const WITH_GRAMMAR = new Set([
  'toFastProps',
  'Grammar Recording',
  'Grammar Resolving',
  'Grammar Validations',
  'ComputeLookaheadFunctions',
]);

/** Computes the follow sets of error recovery on the first recovery that reads them. */
function deferFollows(self: FollowsInternals): void {
  const original = self.getFollowSetFromFollowKey;
  if (self.recoveryEnabled && typeof original === 'function') {
    let computed = false;
    self.getFollowSetFromFollowKey = function (this: FollowsInternals, key: unknown): TokenType[] {
      if (!computed) {
        this.resyncFollows = computeFollows(this);
        computed = true;
      }
      return original.call(this, key);
    };
  } else if (self.recoveryEnabled) self.resyncFollows = computeFollows(self);
}

/**
 * Thrown out of a parse that meets Chevrotain's grammar analysis before it was done: the grammar is
 * recorded by running the rules in a recording mode, which cannot happen in the middle of a parse.
 * The parser then analyses the grammar and parses the document again from its start.
 */
export class GrammarAnalysisNeeded extends Error {
  constructor() {
    super('the grammar is analysed on first use; the parse starts again');
    this.name = 'GrammarAnalysisNeeded';
  }
}

export interface DeferredGrammarAnalysis {
  /** Whether the grammar has been recorded and analysed. */
  readonly done: boolean;
  /** Records and analyses the grammar now, if not yet done (never while a parse runs). */
  run(): void;
}

export interface DeferredAnalysisHooks {
  /** Whether a parse is running (a read of the grammar then throws GrammarAnalysisNeeded). */
  parsing(): boolean;
  /** Calls `record` with the parser in the state the grammar is recorded in (no document, DSL only). */
  recording(record: () => void): void;
}

/**
 * Construction without the grammar: `performSelfAnalysis` minus recording, resolving and the lookahead
 * functions, which are done (by Chevrotain's own code, follow sets still deferred) the first time
 * Chevrotain reads the recorded grammar or the lookahead cache. Many one-shot runs (hello.ml) never do:
 * the fast paths take every decision of their only parse. A read outside a parse runs the analysis
 * there and then; one inside a parse throws GrammarAnalysisNeeded, after which the parser calls `run`
 * and parses again. `parser-config.test.ts` compares the results with the eager analysis.
 */
export function analyseOnFirstUse(parser: object, hooks: DeferredAnalysisHooks): DeferredGrammarAnalysis {
  const self = parser as FollowsInternals;
  selfAnalysisWithout(self, WITH_GRAMMAR);
  const gast = self.gastProductionsCache;
  const lookahead = self.lookAheadFuncsCache;
  if (typeof gast !== 'object' || !(lookahead instanceof Map))
    throw new Error('unexpected Chevrotain version: no grammar or lookahead cache');
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    for (const [name, value] of [
      ['gastProductionsCache', gast],
      ['lookAheadFuncsCache', lookahead],
    ] as const)
      Object.defineProperty(parser, name, { value, writable: true, enumerable: true, configurable: true });
    hooks.recording(() => selfAnalysisWithout(self, AFTER_RECORDING));
    toFastProperties(parser);
  };
  const onRead = (): void => {
    if (hooks.parsing()) throw new GrammarAnalysisNeeded();
    run();
  };
  Object.defineProperty(parser, 'gastProductionsCache', {
    get: () => (onRead(), gast),
    enumerable: true,
    configurable: true,
  });
  Object.defineProperty(parser, 'lookAheadFuncsCache', {
    get: () => (onRead(), lookahead),
    enumerable: true,
    configurable: true,
  });
  deferFollows(self);
  toFastProperties(parser);
  return {
    get done() {
      return done;
    },
    run,
  };
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
