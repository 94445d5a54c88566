// Types for the part of mocha 11's API the suite uses (the package ships none and @types/mocha is
// not a dependency). Declarations only.
declare module 'mocha' {
  type Done = () => void;
  type Body = (this: unknown) => void | Promise<void>;
  interface MochaOptions {
    ui?: 'bdd' | 'tdd';
    timeout?: number;
    color?: boolean;
    reporter?: string;
  }
  interface Runner {
    failures: number;
  }
  class Mocha {
    constructor(options?: MochaOptions);
    suite: { emit(event: 'pre-require', context: object, file: string, mocha: Mocha): void };
    run(callback: (failures: number) => void): Runner;
  }
  export function describe(title: string, fn: () => void): void;
  export function it(title: string, fn: Body): void;
  export function before(fn: Body): void;
  export function after(fn: Body | ((done: Done) => void)): void;
  export default Mocha;
}
