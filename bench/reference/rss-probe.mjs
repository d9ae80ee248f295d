// Preloaded with --import into each contender of the memory comparison: records the process's peak RSS (KiB)
// as it exits, in the file BENCH_RSS_FILE names.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
