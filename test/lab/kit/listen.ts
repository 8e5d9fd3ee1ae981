// Every lab server listens on loopback only, on a port the system picks: nothing a test starts is
// reachable from elsewhere, and parallel tests never collide on a port.
import type { Server } from 'node:net';

/** Starts listening on HOST:0 (127.0.0.1 unless ::1 is asked for) and returns the port. */
export async function listenOnLoopback(
  server: Server,
  host: '127.0.0.1' | '::1' = '127.0.0.1',
): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return address.port;
}
