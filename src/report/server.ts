import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type BuiltReport, reportJson, reportPage } from "./build-report.ts";
import { contentSecurityPolicy, viewerScript } from "./html.ts";

/**
 * `asynctool view`: the report's viewer served on the loopback interface. The page is the same
 * as report.html except that timelines are fetched one episode at a time, so a large run opens at
 * once. Only GET of three kinds of path is answered; requests naming another host are refused
 * (a web page cannot reach the viewer through DNS rebinding).
 */
export interface ViewServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export const VIEW_HOST = "127.0.0.1";

export async function startViewServer(
  built: BuiltReport,
  options: { port?: number } = {},
): Promise<ViewServer> {
  const page = reportPage(built, { inline: false });
  const summary = `${JSON.stringify(reportJson(built))}\n`;
  const headers = {
    "content-security-policy": contentSecurityPolicy(viewerScript()),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
  };
  let port = options.port ?? 0;
  const server = createServer((request, response) => {
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { ...headers, "content-type": type });
      response.end(body);
    };
    if (!allowedHost(request, port)) return send(403, "text/plain; charset=utf-8", "forbidden host\n");
    if (request.method !== "GET" && request.method !== "HEAD")
      return send(405, "text/plain; charset=utf-8", "method not allowed\n");
    route(request, send);
  });
  function route(request: IncomingMessage, send: (status: number, type: string, body: string) => void) {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path === "/" || path === "/index.html") return send(200, "text/html; charset=utf-8", page.html);
    if (path === "/report.json") return send(200, "application/json; charset=utf-8", summary);
    const match = /^\/episodes\/(\d+)\.json$/.exec(path);
    const detail = match ? page.details[Number(match[1])] : undefined;
    if (detail) return send(200, "application/json; charset=utf-8", JSON.stringify(detail));
    send(404, "text/plain; charset=utf-8", "not found\n");
  }
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, VIEW_HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    url: `http://${VIEW_HOST}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function allowedHost(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return host === `${VIEW_HOST}:${port}` || host === `localhost:${port}`;
}
