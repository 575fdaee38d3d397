/** What both budget apps (and the benchmarks that reuse them) are given. */
export interface AppInput {
  endpoint: string;
  subscriptionId: string;
  resourceGroupName: string;
  securityConnectorName: string;
  operationResultId: string;
  /** Bounds the poll loop of the bare app; ours has its own timeout. */
  maxPolls: number;
  abortSignal?: AbortSignal;
}
