// The app's own "not found": the page was served at an address that is not the app's (a server that answers every
// path with the app, such as /lessons or /scene/cost); it names the address and links to the app's pages.
import { useEffect } from "react";
import "./notFound.css";

const PAGES = [
  ["", "The explorable: draw a digit, watch the network learn"],
  ["?lessons", "Lessons: the videos' chapters, step by step"],
  ["?experiments", "Experiments: where it fails"],
  ["?teachers", "For teachers"],
] as const;

export function NotFound({ pathname, folder }: { pathname: string; folder: string }) {
  useEffect(() => {
    document.title = "Not found · How a neural network learns";
  }, []);
  return (
    <main className="app not-found">
      <h1>How a neural network learns</h1>
      <div className="notice error" role="alert">
        <p>
          There is no page at “<bdi>{pathname}</bdi>”.
        </p>
      </div>
      <ul>
        {PAGES.map(([search, title]) => (
          <li key={search}>
            <a href={`${folder}${search}`}>{title}</a>
          </li>
        ))}
      </ul>
    </main>
  );
}
