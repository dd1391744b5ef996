// The two servers of the cross-origin specs, started before a spec file's tests and stopped after them: the build
// served under a folder of one origin (as a school's web server would) and a lesson page's host on another.
import { resolve } from "node:path";
import { test } from "@playwright/test";
import { serveStatic, type StaticHost } from "../scripts/lib/staticServer.ts";

export interface Hosts {
  /** The app's address: its origin and folder, ending in "/". */
  readonly app: string;
  /** The host's origin, e.g. "http://127.0.0.1:4199". */
  readonly origin: string;
  /** Sets the HTML the host serves at `path`. */
  page(path: string, html: string): void;
}

/** Registers beforeAll/afterAll hooks serving dist/ at `folder` on appPort, and a host page server on hostPort. */
export function crossOriginHosts(appPort: number, hostPort: number, folder = "/"): Hosts {
  let app: StaticHost | null = null;
  let host: StaticHost | null = null;
  test.beforeAll(async () => {
    app = await serveStatic(appPort, { [folder]: resolve(import.meta.dirname, "..", "dist") + "/" });
    host = await serveStatic(hostPort, {});
  });
  test.afterAll(async () => {
    await app?.close();
    await host?.close();
  });
  return {
    app: `http://127.0.0.1:${appPort}${folder}`,
    origin: `http://127.0.0.1:${hostPort}`,
    page: (path, html) => {
      if (!host) throw new Error("the host server is not running (call page() inside a test)");
      host.page(path, html);
    },
  };
}
