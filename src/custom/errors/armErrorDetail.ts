import type { ErrorAdditionalInfoOutput, ErrorDetailOutput } from "../../generated/outputModels.js";

// The ARM error shape (common-types v2 ErrorDetail), read defensively: a status or error body comes from the
// network, so every field is checked before it is given the generated type.

/** `ErrorAdditionalInfo`: a typed bag of extra data about an error (the generated output model). */
export type ArmErrorAdditionalInfo = ErrorAdditionalInfoOutput;

/** `ErrorDetail` of an ARM error response or of a failed operation (the generated output model). */
export type ArmErrorDetail = ErrorDetailOutput;

// Nesting deeper than this is cut: no real ARM error nests more than two or three levels, and the bound keeps a
// hostile body from costing recursion depth.
const MAX_DEPTH = 16;

/** The ErrorDetail in `value` with only well-typed fields kept, or `undefined` if `value` is not an object. */
export function readArmErrorDetail(value: unknown, depth = 0): ArmErrorDetail | undefined {
  if (!isObject(value) || depth > MAX_DEPTH) return undefined;
  const detail: ArmErrorDetail = {};
  for (const key of ["code", "message", "target"] as const) {
    const field = value[key];
    if (typeof field === "string") detail[key] = field;
  }
  if (Array.isArray(value["details"])) {
    detail.details = value["details"].flatMap((d) => readArmErrorDetail(d, depth + 1) ?? []);
  }
  if (Array.isArray(value["additionalInfo"])) {
    detail.additionalInfo = value["additionalInfo"].filter(isObject).map((i) => {
      const info: ArmErrorAdditionalInfo = {};
      if (typeof i["type"] === "string") info.type = i["type"];
      if (isObject(i["info"])) info.info = i["info"];
      return info;
    });
  }
  return detail;
}

/** The `error` of an ARM ErrorResponse body (`{ error: ErrorDetail }`), tolerating a bare ErrorDetail too. */
export function readArmErrorResponse(body: unknown): ArmErrorDetail | undefined {
  if (!isObject(body)) return undefined;
  if (isObject(body["error"])) return readArmErrorDetail(body["error"]);
  // A bare ErrorDetail only counts if it looks like one; any other JSON body is not an error description.
  return typeof body["code"] === "string" || typeof body["message"] === "string" ? readArmErrorDetail(body) : undefined;
}

/** Whether `value` is a JSON object (not null, not an array): the first check on any body from the network. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
