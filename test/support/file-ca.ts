import { rm } from 'node:fs/promises';
import { afterAll, beforeAll } from 'vitest';
import { createTestCa, type TestCa } from './test-ca.ts';

/** One test CA for a test file: made before its first test, removed after its last. */
export function testCaForFile(): () => TestCa {
  let ca: TestCa | undefined;
  beforeAll(async () => {
    ca = await createTestCa();
  });
  afterAll(async () => {
    if (ca) await rm(ca.dir, { recursive: true, force: true });
  });
  return () => {
    if (!ca) throw new Error('the test CA exists only while the file runs');
    return ca;
  };
}
