// The small, emitter-facing view of the API. Emitters read only this, never the
// AutoRest code model, so each emitter stays a plain "data in, text out" function.
import type { Schema } from "@autorest/codemodel";

export type HttpMethod = "get" | "put" | "post" | "patch" | "delete" | "head";

export interface PathParameter {
  /** Wire name, as it appears between braces in the path template. */
  name: string;
  description: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

export interface BodyParameter {
  schema: Schema;
  required: boolean;
  description: string;
}

export interface ResponseHeader {
  /** Header name as the swagger writes it. */
  name: string;
  description: string;
  schema: Schema;
}

export interface ResponseInfo {
  /** A status code such as "200"; "default" only for the error response. */
  status: string;
  description: string;
  schema?: Schema;
  headers: ResponseHeader[];
}

export interface OperationInfo {
  operationId: string;
  /** PascalCase group + operation, e.g. "DevOpsOperationResultsGet". */
  typeName: string;
  method: HttpMethod;
  path: string;
  description: string;
  pathParameters: PathParameter[];
  body?: BodyParameter;
  responses: ResponseInfo[];
  errorResponse: ResponseInfo;
  longRunning?: { finalStateVia?: string };
  pageable?: { nextLinkName: string | null; itemName: string };
}

export interface RouteInfo {
  path: string;
  /** Named after the first operation declared on the path, as RLC does. */
  typeName: string;
  pathParameters: PathParameter[];
  operations: OperationInfo[];
}

export interface ApiInfo {
  operations: OperationInfo[];
  routes: RouteInfo[];
  apiVersion: string;
  defaultEndpoint: string;
}
