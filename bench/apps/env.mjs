// What a measured child process is given (see bench/lib/run-child.mjs clientEnv): the mock's endpoint, a
// credential returning the mock's token, and the AppInput of test/budget/input.ts.

export function fromEnv(operationResultId = process.env.BENCH_ID ?? "bench-get") {
  const token = process.env.BENCH_TOKEN;
  const credential = { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000, tokenType: "Bearer" }) };
  const scope = JSON.parse(process.env.BENCH_SCOPE);
  return { credential, input: { endpoint: process.env.BENCH_ENDPOINT, ...scope, operationResultId, maxPolls: 50 } };
}
