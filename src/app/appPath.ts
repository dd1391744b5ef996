// Which addresses are the app's page: the folder it is served from (found from its entry module's URL) and that
// folder's index.html. Plain TypeScript, so scripts and tests outside the page can ask too.

/** The folder the app is served from, from its entry module's URL (…/assets/index-….js in a build). */
export function appFolder(entryUrl: string): string {
  return new URL(entryUrl).pathname.replace(/[^/]*\/[^/]*$/, "");
}

/** Whether `pathname` is the app's page in `folder`: the folder itself or its index.html. */
export function isAppPath(pathname: string, folder: string): boolean {
  return pathname === folder || pathname === `${folder}index.html`;
}
