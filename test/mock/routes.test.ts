import { describe, expect, it } from "vitest";
import type { MockArm } from "../../src/testing/index.js";
import { call, destroyAgent } from "./http.js";
import { ROWS } from "./route-rows.js";
import { useMockArm } from "../helpers/mock.js";

let mock: MockArm;
useMockArm((m) => (mock = m), { beforeClose: destroyAgent });

/** The ARM id a resource at this raw path must carry: the path with each segment decoded. */
const idOf = (path: string) => path.split("/").map(decodeURIComponent).join("/");

describe("the route table", () => {
  it("lists each of the 30 operations once", () => {
    expect(new Set(ROWS.map((r) => r.op)).size).toBe(30);
  });

  it.each(ROWS)("answers $op ($method) with $status", async (row) => {
    await row.setup?.(mock);
    const reply = await call(mock, row.path, { method: row.method, body: row.body });
    expect(reply.status, reply.text).toBe(row.status);
    if (row.list) {
      expect(reply.json.value).toHaveLength(row.list.count);
      expect("nextLink" in reply.json).toBe(row.list.next);
      for (const item of reply.json.value) expect(item.id).toMatch(/^\/subscriptions\/.+\/devops\/default/);
    }
    if (row.type) {
      expect(reply.json).toMatchObject({ id: idOf(row.path), type: row.type, properties: expect.any(Object) });
      expect(reply.json.systemData).toMatchObject({
        createdAt: expect.any(String),
        lastModifiedAt: expect.any(String),
      });
      expect(reply.json.properties.provisioningState).toEqual(expect.any(String));
    }
  });
});
