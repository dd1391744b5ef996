// Messages for the user: loading progress, and errors with their one-click fix (restore the last good weights).
import { useApp, useAppStore } from "./context.tsx";
import { Sentence } from "./Sentence.tsx";

const fmtMB = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

export function LoadingBar() {
  const load = useApp((s) => s.load);
  const phase = useApp((s) => s.phase);
  if (phase !== "loading" || !load) return null;
  const label =
    load.phase === "test" ? "Loading the 10,000 test images" : "Loading the 60,000 training images";
  return (
    <div className="loading" role="status">
      <label>
        {label} · {fmtMB(load.loaded)} of {fmtMB(load.total)}
        <progress max={load.total} value={load.loaded} />
      </label>
    </div>
  );
}

export function Notice() {
  const notice = useApp((s) => s.notice);
  const store = useAppStore();
  if (!notice) return null;
  const isError = notice.kind !== "info";
  return (
    <div className={`notice ${isError ? "error" : ""}`} role={isError ? "alert" : "status"}>
      <div className="notice-text">
        <p>
          <Sentence text={notice.message} />
        </p>
        {notice.details && (
          <ul className="notice-details">
            {notice.details.map((d, i) => (
              <li key={i}>
                <Sentence text={d} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="notice-actions">
        {notice.action === "restore" && (
          <button type="button" className="primary" onClick={() => store.getState().restoreLastGood()}>
            Restore last good weights
          </button>
        )}
        <button type="button" onClick={() => store.getState().dismissNotice()}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
