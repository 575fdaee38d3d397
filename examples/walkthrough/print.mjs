// Terminal output of the walkthrough: headings, indented lines and a progress bar. On a terminal the bar is
// redrawn in place; in a pipe or log (npm start | tee, CI, the tests) one line per change is printed instead.

const tty = process.stdout.isTTY === true;

export function heading(n, text) {
  console.log(`\n${n}. ${text}`);
}

export function line(text) {
  console.log(`   ${text}`);
}

export function skipped(n, text, why) {
  console.log(`\n${n}. ${text}\n   skipped: ${why}`);
}

/** A progress display for poller.onProgress: `update(state)` per poll, `done()` when polling ends. */
export function progressBar() {
  let last;
  let drawn = false;
  return {
    update(state) {
      const percent = state.percentComplete ?? 0;
      const status = state.operationResult?.status ?? state.status;
      const filled = Math.round((percent / 100) * 30);
      const bar = `[${"#".repeat(filled)}${".".repeat(30 - filled)}] ${String(Math.round(percent)).padStart(3)}%  ${status}`;
      if (tty) {
        process.stdout.write(`\r   ${bar}\x1b[K`);
        drawn = true;
      } else if (bar !== last) {
        console.log(`   ${bar}`);
      }
      last = bar;
    },
    done() {
      if (drawn) process.stdout.write("\n");
      drawn = false;
    },
  };
}
