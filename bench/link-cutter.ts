import { createServer, connect, type Server, type Socket } from "node:net";

/**
 * A TCP relay between the console and its backend that can drop the link (every connection
 * reset, new ones refused) and restore it, as a control room's WAN does at the worst moment.
 */
export interface LinkCutter {
  url: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export function startLinkCutter(target: URL): Promise<LinkCutter> {
  const sockets = new Set<Socket>();
  let up = true;
  const server: Server = createServer((client) => {
    if (!up) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client);
    sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      resolve({
        url: `${target.protocol}//127.0.0.1:${port}`,
        cut() {
          up = false;
          for (const socket of sockets) socket.destroy();
          sockets.clear();
        },
        restore() {
          up = true;
        },
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
