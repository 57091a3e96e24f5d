import cliProgress from 'cli-progress';

/** A progress bar on stderr; in CI (no TTY) it prints a line every 10%. */
export function progressBar(label: string) {
  const tty = process.stderr.isTTY;
  let bar: cliProgress.SingleBar | null = null;
  let lastPct = -1;
  let started = false;
  const startedAt = Date.now();
  return {
    update(done: number, total?: number | null, message?: string) {
      const t = total ?? 0;
      if (tty) {
        if (!bar) {
          bar = new cliProgress.SingleBar(
            { format: `${label.padEnd(24)} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left {msg}`, stream: process.stderr, hideCursor: true },
            cliProgress.Presets.shades_classic,
          );
          bar.start(t || 1, 0, { msg: '' });
        }
        if (t) bar.setTotal(t);
        bar.update(done, { msg: message ?? '' });
        return;
      }
      if (!started) {
        started = true;
        process.stderr.write(`${label}: started\n`);
      }
      const pct = t ? Math.floor((done / t) * 10) * 10 : -1;
      if (pct > lastPct && pct >= 0) {
        lastPct = pct;
        process.stderr.write(`${label}: ${pct}% (${done.toLocaleString('en-GB')} of ${t.toLocaleString('en-GB')})\n`);
      }
    },
    stop() {
      if (bar) (bar as cliProgress.SingleBar).stop();
      if (!tty) process.stderr.write(`${label}: done in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`);
    },
  };
}
