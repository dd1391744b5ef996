// A host page for the <nn-explorable> specs on its own port: the library build (dist/lib), the MNIST data and the
// checkpoints from public/, and one HTML page given by the spec, as a page of a lesson site would serve them.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve } from "node:path";

const TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".html": "text/html; charset=utf-8",
};

/** Serves `/lib/…` from dist/lib, `/data/…` and `/models/…` from public, and `/` as `html`. */
export function serveHost(port: number, html: string): Promise<Server> {
  const root = resolve(import.meta.dirname, "..");
  const folders: Record<string, string> = {
    lib: join(root, "dist", "lib"),
    data: join(root, "public", "data"),
    models: join(root, "public", "models"),
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://host").pathname);
    if (path === "/") {
      res.writeHead(200, { "content-type": TYPES[".html"] });
      return res.end(html);
    }
    const [, top = "", ...rest] = path.split("/");
    const folder = folders[top];
    const file = folder ? normalize(join(folder, ...rest)) : "";
    if (!folder || !file.startsWith(folder) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) => server.listen(port, "127.0.0.1", () => done(server)));
}
