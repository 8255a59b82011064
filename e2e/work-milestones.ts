// Staff post a work's milestones from its staff page, one after another, each checked on the page:
// shared by the works journey and the road-with-its-board journey.
import type { Page } from "@playwright/test";

import { expect } from "./fixtures";

export type MilestoneStep = {
  /** The status to move to ("" keeps it), the new progress ("" keeps it), the update's text, the status shown after. */
  status: string;
  progress: string;
  body: string;
  shown: string;
  photo?: { name: string; mimeType: string; buffer: Buffer };
};

export async function postMilestones(page: Page, steps: MilestoneStep[]) {
  for (const [i, step] of steps.entries()) {
    const form = page.locator("form").filter({ has: page.getByLabel("Nội dung cập nhật") });
    await form.getByLabel("Nội dung cập nhật").fill(step.body);
    if (step.progress) await form.getByLabel("Tiến độ mới (%)").fill(step.progress);
    if (step.status) await form.getByLabel("Chuyển tình trạng").selectOption(step.status);
    if (step.photo) await form.getByLabel(/^Ảnh/).setInputFiles(step.photo);
    await form.getByRole("button", { name: "Đăng cập nhật" }).click();
    await expect(page.getByTestId("work-milestone")).toHaveCount(i + 1);
    await expect(page.getByTestId("work-status")).toHaveText(step.shown);
  }
  await expect(page.getByTestId("work-progress")).toContainText("100%");
}
