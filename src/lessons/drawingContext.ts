// How a scene hands the page a drawing the learner made in it: the lessons page puts it in the address
// (`&drawing=…&label=…`, a history entry), and from there every scene that takes a drawing follows it.
import { createContext } from "react";

/** Makes drawing `x` (784 values in 0…1), labelled `label`, the page's drawing; null outside the lessons page. */
export const SetDrawing = createContext<((x: Float32Array, label: number) => void) | null>(null);
