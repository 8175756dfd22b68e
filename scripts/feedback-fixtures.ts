// Writes the retail feedback fixtures (tests/fixtures/feedback/retail-feedback.{en,de}.csv, 200
// rows each) from the deterministic generator in tests/support/feedbackFixture.ts:
//   node --import tsx scripts/feedback-fixtures.ts
// tests/unit/feedback-csv.test.ts checks that the committed files are what it writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { retailFeedbackCsv } from '../tests/support/feedbackFixture';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/feedback');
mkdirSync(dir, { recursive: true });
for (const locale of ['en', 'de'] as const) {
  const file = path.join(dir, `retail-feedback.${locale}.csv`);
  writeFileSync(file, retailFeedbackCsv(locale, 200));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
