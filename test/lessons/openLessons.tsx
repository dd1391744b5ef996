// The lessons page rendered for a test through its LessonProvider, with lesson data and labs that are fakes.
import { render } from "@testing-library/react";
import type { LessonData } from "../../src/lessons/data.ts";
import { readyLessonData, type LessonDataSource } from "../../src/lessons/dataSource.ts";
import { Lessons } from "../../src/lessons/LessonApp.tsx";
import { LessonProvider } from "../../src/lessons/LessonProvider.tsx";
import { fakeLab, fakeLabServices, type FakeLabServices } from "./fakeLab.ts";
import { fakeLessonData } from "./fixtures.ts";

/**
 * The lessons page at `search` (e.g. "?scene=cost&step=2"), given its data (ready `data`, or a source) and labs
 * (by default, in-process labs serving `data.trained` as every checkpoint).
 */
export function openLessons(
  search: string,
  {
    data = fakeLessonData(),
    source = readyLessonData(data),
    lab = fakeLabServices(data.trained, () => fakeLab(data.test)),
  }: { data?: LessonData; source?: LessonDataSource; lab?: FakeLabServices } = {},
) {
  window.history.replaceState(null, "", `/${search}`);
  const view = render(
    <LessonProvider services={{ data: source, lab }}>
      <Lessons />
    </LessonProvider>,
  );
  return { ...view, lab };
}
