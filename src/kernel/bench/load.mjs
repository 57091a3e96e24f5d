// Load generator for `fusion bench`: runs autocannon in its own process so it does not share the server's event
// loop. Reads {url, paths?, headers, connections, duration} as JSON on stdin; prints autocannon's summary as JSON.
import autocannon from 'autocannon';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const opts = JSON.parse(input);
const paths = opts.paths ?? null;
let i = 0;
const result = await autocannon({
  url: opts.url,
  connections: opts.connections ?? 32,
  pipelining: 1,
  duration: opts.duration ?? 10,
  headers: opts.headers ?? {},
  requests: paths
    ? [
        {
          setupRequest: (req) => {
            req.path = paths[i++ % paths.length];
            return req;
          },
        },
      ]
    : undefined,
});
process.stdout.write(
  JSON.stringify({
    rps: result.requests.average,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
  }),
);
