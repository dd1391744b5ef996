// What a scene shows while its lab starts or computes, and when the lab fails: a status with an indeterminate
// progress bar (the lab reports no progress within an operation), or the lab's sentence.
/** A lab computation in progress, or its error. */
export function Computing({ what, error = null }: { what: string; error?: string | null }) {
  if (error)
    return (
      <div className="notice error" role="alert">
        <p>
          The lab could not compute {what}: {error}
        </p>
      </div>
    );
  return (
    <div className="computing" role="status">
      <progress aria-label={`Computing ${what}`} />
      <span className="hint">The lab is computing {what}…</span>
    </div>
  );
}

/** The lab starting up: its network, then its images. */
export function LabStarting({ stage, what }: { stage: "model" | "data"; what: string }) {
  return (
    <div className="lesson-loading" role="status">
      <p>{stage === "model" ? `Loading ${what} into the lab…` : "Loading the MNIST images into the lab…"}</p>
      <progress aria-label="Starting the lab" />
    </div>
  );
}
