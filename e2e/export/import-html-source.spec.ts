import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signUp } from "../support/auth";

test("a saved web page becomes a source of its text only: title taken, scripts and styles dropped", async ({ page }, testInfo) => {
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await signUp(page, "Page saver");
  await page.goto("/new");
  await page.getByLabel("Title").fill("Saved pages");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/sources\/new$/);

  const file = testInfo.outputPath("article.html");
  fs.writeFileSync(
    file,
    `<html><head><title>Kazakhstan chairs the SCO</title><style>.x{color:red}</style><script>alert("from the page")</script></head>
     <body><nav>Menu</nav><h1>Kazakhstan chairs the SCO</h1><p>Astana hosted the summit in <b>July 2024</b>.</p><p>Critics call it a talk shop.</p>
     <img src=x onerror="alert(1)"></body></html>`,
  );
  await page.getByLabel("Read the text from a file").setInputFiles(file);
  const text = page.getByRole("textbox", { name: "Full text" });
  await expect(text).toHaveValue("Kazakhstan chairs the SCO\n\nAstana hosted the summit in July 2024.\n\nCritics call it a talk shop.");
  await expect(page.getByLabel("Title")).toHaveValue("Kazakhstan chairs the SCO");
  await page.getByLabel("Author", { exact: true }).fill("The Diplomat");
  await page.getByLabel("Published").fill("2024-07");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page).toHaveURL(/\/sources\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("source-text")).toContainText("Critics call it a talk shop.");
  await expect(page.getByTestId("source-text")).not.toContainText("alert");
  expect(dialogs).toBe(0);
});
