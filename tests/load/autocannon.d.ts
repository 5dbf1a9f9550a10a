/** The part of autocannon 9's API the load harness uses (it ships no types). */
declare module 'autocannon' {
  namespace autocannon {
    type Options = Record<string, unknown>;
    interface Result {
      errors: number;
      timeouts: number;
    }
    interface Instance extends PromiseLike<Result> {
      on(
        event: 'response',
        listener: (client: unknown, status: number, bytes: number, ms: number) => void,
      ): void;
    }
  }
  function autocannon(options: autocannon.Options): autocannon.Instance;
  export default autocannon;
}
