// A static host for the e2e specs: folders served under URL prefixes (the build under a course's subpath, as a
// school's web server would) and pages whose HTML a spec sets, each on its own port, so its own origin.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".html": "text/html; charset=utf-8",
  ".gz": "application/gzip",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
};

export interface StaticHost {
  readonly server: Server;
  /** The HTML served at `path` from now on. */
  page(path: string, html: string): void;
  close(): Promise<void>;
}

/**
 * Serves each folder under its prefix ("/courses/nn/" → dist/; a folder's "/" is its index.html). An unknown path
 * under a prefix gets that folder's 404.html with status 404 when it has one, as GitHub Pages and Netlify do.
 */
export function serveStatic(port: number, mounts: Readonly<Record<string, string>>): Promise<StaticHost> {
  const pages = new Map<string, string>();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://host").pathname);
    const html = pages.get(path);
    if (html !== undefined) {
      res.writeHead(200, { "content-type": TYPES[".html"] });
      return res.end(html);
    }
    for (const [prefix, folder] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length) || "index.html";
      const file = normalize(join(folder, rest));
      if (!file.startsWith(folder) || !existsSync(file) || !statSync(file).isFile()) {
        const missing = join(folder, "404.html");
        if (!existsSync(missing)) break;
        res.writeHead(404, { "content-type": TYPES[".html"] });
        return void createReadStream(missing).pipe(res);
      }
      // As GitHub Pages and most static hosts do: any page may load the files (the element's module, its worker,
      // the data and the models, from a lesson page on another origin).
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "access-control-allow-origin": "*",
      });
      return void createReadStream(file).pipe(res);
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  return new Promise((done) =>
    server.listen(port, "127.0.0.1", () =>
      done({
        server,
        page: (p, h) => void pages.set(p, h),
        close: () => new Promise<void>((closed) => server.close(() => closed())),
      }),
    ),
  );
}
