import { createServer, connect, type Server, type Socket } from "node:net";

/**
 * A TCP proxy in front of a backend, to cut a link on purpose: "down" refuses every connection,
 * "blackhole-answers" passes requests through but drops the answers (the request arrived, the
 * sender never learns it), "up" forwards both ways.
 */
export type ProxyMode = "up" | "down" | "blackhole-answers";

export class LinkProxy {
  mode: ProxyMode = "up";
  private readonly sockets = new Set<Socket>();
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(targetPort: number): Promise<LinkProxy> {
    let proxy: LinkProxy | null = null;
    const server = createServer((client) => {
      const current = proxy;
      if (current === null || current.mode === "down") {
        client.destroy();
        return;
      }
      const mode = current.mode;
      const upstream = connect(targetPort, "127.0.0.1");
      current.track(client);
      current.track(upstream);
      client.on("data", (chunk) => upstream.write(chunk));
      upstream.on("data", (chunk) => {
        if (mode === "blackhole-answers") {
          // The request reached the backend; cut the link before its answer gets back.
          client.destroy();
          upstream.destroy();
          return;
        }
        client.write(chunk);
      });
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
      client.on("error", () => upstream.destroy());
      upstream.on("error", () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("proxy has no port");
    proxy = new LinkProxy(server, `http://127.0.0.1:${address.port}`);
    return proxy;
  }

  /** Changes the mode and cuts every open connection, as a link going down would. */
  set(mode: ProxyMode): void {
    this.mode = mode;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
  }

  close(): Promise<void> {
    this.set("down");
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
