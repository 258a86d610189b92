// The floor for the gateway bench: a bare pass-through proxy in its own process (an HTTP server that reads the
// body, parses it once and pipes the answer back from the upstream over a keep-alive connection), with no
// pipeline at all. What the gateway adds beyond this is its own work; this much is the extra process and hop.
// Usage: node passThrough.js UPSTREAM_BASE_URL; prints the port it listens on (127.0.0.1).
const http = require('node:http');

const upstream = new URL(process.argv[2]);
const agent = new http.Agent({ keepAlive: true });

http
  .createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) {
      chunks.push(chunk);
    }
    const body = Buffer.concat(chunks);
    JSON.parse(body.toString('utf8'));
    const path = `${upstream.pathname.replace(/\/+$/, '')}${req.url.replace(/^\/v1/, '')}`;
    const up = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path,
        method: req.method,
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          authorization: 'Bearer x',
        },
      },
      (answer) => {
        res.writeHead(answer.statusCode, { 'content-type': answer.headers['content-type'] ?? 'text/plain' });
        answer.on('data', (chunk) => res.write(chunk));
        answer.on('end', () => res.end());
      },
    );
    up.end(body);
  })
  .listen(0, '127.0.0.1', function () {
    console.log(this.address().port);
  });
