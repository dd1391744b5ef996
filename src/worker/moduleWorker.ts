// Starting a module worker from its bundled URL, also when the script was served from another origin than the
// page's (a <nn-explorable> element loaded from a course's site into a lesson page elsewhere): browsers refuse
// a cross-origin worker script, so the worker is a same-origin blob module that imports the real one (the
// course's host must allow CORS, as static hosts such as GitHub Pages do).
import type { WorkerLike } from "./workerLike.ts";

export function startModuleWorker(url: string, name: string): WorkerLike {
  const script = new URL(url, import.meta.url);
  if (script.origin === globalThis.location?.origin) return new Worker(script, { type: "module", name });
  const shim = new Blob([`import ${JSON.stringify(script.href)};\n`], { type: "text/javascript" });
  return new Worker(URL.createObjectURL(shim), { type: "module", name });
}
