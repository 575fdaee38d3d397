// The hand loop of the anchor: fetch, read status, wait Retry-After (0 included), repeat until terminal.
import { statusUrl } from "./fetch-get.mjs";

const TERMINAL = ["succeeded", "failed", "canceled"];

export async function runApp(credential, input) {
  const { token } = await credential.getToken("https://management.azure.com/.default");
  const url = statusUrl(input);
  for (let attempt = 0; attempt <= input.maxPolls; attempt++) {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: input.abortSignal });
    if (response.status !== 200) throw new Error(`unexpected status ${response.status}`);
    const status = String((await response.json())?.status ?? "");
    if (TERMINAL.includes(status.toLowerCase())) return status;
    const seconds = Number(response.headers.get("retry-after") ?? "1");
    await new Promise((resolve) => setTimeout(resolve, Number.isFinite(seconds) ? seconds * 1000 : 1000));
  }
  throw new Error(`not finished after ${input.maxPolls} polls`);
}
