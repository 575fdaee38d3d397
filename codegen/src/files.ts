// Which files are generated, from what. The one place that knows the file list.
import type { CodeModel, Schema } from "@autorest/codemodel";
import { buildApi } from "./model/build.js";
import { collectNamed, typeName } from "./model/schemas.js";
import { emitModels } from "./emit/models.js";
import { emitParameters } from "./emit/parameters.js";
import { emitResponses } from "./emit/responses.js";
import { emitHttpStatus } from "./emit/httpStatus.js";
import { emitClientDefinitions } from "./emit/clientDefinitions.js";
import { emitIsUnexpected } from "./emit/isUnexpected.js";
import { emitPathParameters } from "./emit/pathParameters.js";
import { emitRoutes } from "./emit/routes.js";
import { emitScopedRoutes } from "./emit/scopedRoutes.js";
import { emitLongRunning } from "./emit/longRunning.js";
import { emitOperations } from "./emit/operations.js";
import { emitOperationIds } from "./emit/operationIds.js";
import { emitClient, emitLogger, emitPackageInfo, type ClientSettings } from "./emit/client.js";
import { emitIndex } from "./emit/index.js";

/** File name (without .ts) -> unformatted TypeScript body. */
export function generateFiles(model: CodeModel, settings: ClientSettings): Map<string, string> {
  const api = buildApi(model);
  const ops = api.operations;
  const inputRoots = ops.flatMap((op) => (op.body ? [op.body.schema] : []));
  const outputRoots = ops.flatMap((op) =>
    [...op.responses, op.errorResponse].flatMap((r) => (r.schema ? [r.schema as Schema] : [])),
  );
  const inputs = collectNamed(inputRoots, "input");
  const outputs = collectNamed(outputRoots, "output");
  const clientModule = settings.clientName[0]!.toLowerCase() + settings.clientName.slice(1);

  const files = new Map<string, string>();
  files.set("models", emitModels(inputs, "input"));
  files.set("outputModels", emitModels(outputs, "output"));
  files.set(
    "parameters",
    emitParameters(
      ops,
      inputs.map((s) => typeName(s, "input")),
    ),
  );
  files.set("httpStatus", emitHttpStatus());
  files.set(
    "responses",
    emitResponses(
      ops,
      outputs.map((s) => typeName(s, "output")),
    ),
  );
  files.set("clientDefinitions", emitClientDefinitions(api.routes, settings.clientName));
  files.set("scopedRoutes", emitScopedRoutes(api.routes));
  files.set(
    "longRunningOperations",
    emitLongRunning(
      ops,
      outputs.map((s) => typeName(s, "output")),
    ),
  );
  files.set("routes", emitRoutes(api.routes));
  files.set("isUnexpected", emitIsUnexpected(ops));
  files.set("pathParameters", emitPathParameters(api.routes));
  files.set("operations", emitOperations(ops));
  files.set("operationIds", emitOperationIds(api.routes));
  files.set("packageInfo", emitPackageInfo(settings));
  files.set("logger", emitLogger(settings));
  files.set(clientModule, emitClient(api, settings));
  files.set(
    "index",
    emitIndex(
      [...files.keys()].filter((f) => f !== "logger"),
      clientModule,
    ),
  );
  return files;
}
