// Every case of rules/*.cases.json through the wasm module: the same bytes as the native CLI,
// and the statuses, yearly figures and missing facts the case expects.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ROOT, caseFiles, cliPath, newCarecheck, ruleFiles, today } from './carecheck-module.mjs';

let carecheck;
before(async () => {
  carecheck = await newCarecheck();
  const loaded = JSON.parse(carecheck.load(JSON.stringify(ruleFiles())));
  assert.equal(loaded.ok, true, `rules load in wasm: ${JSON.stringify(loaded.error)}`);
});

const cli = cliPath();

function cliRun(command, household) {
  // A Huitong household with several elders gives over 1 MB of explanations: above spawnSync's
  // default 1 MiB buffer, which would kill the CLI mid-write.
  const run = spawnSync(cli, [command, 'rules/'], { cwd: ROOT, input: JSON.stringify(household), encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.ok(run.status === 0 || run.status === 1, `CLI ran (status ${run.status}): ${run.stderr}`);
  return run.stdout.replace(/\n$/, '');
}

function findProgram(result, packId, expectation) {
  const pack = result.packs.find((p) => p.id === packId);
  assert.ok(pack, `pack ${packId} is in the result`);
  const program = pack.programs.find((p) => p.id === expectation.program
    && (expectation.member === undefined || p.member === expectation.member));
  assert.ok(program, `program ${expectation.program}${expectation.member ? ` of ${expectation.member}` : ''} is in the result`);
  return program;
}

for (const { file, pack, cases } of caseFiles()) {
  describe(file, () => {
    for (const testCase of cases) {
      test(`${testCase.id}: wasm gives the same JSON as the CLI`, { skip: cli ? false : 'no native CLI (set CARECHECK_CLI or build/native)' }, () => {
        const fromWasm = carecheck.check(JSON.stringify(testCase.household), today());
        assert.equal(fromWasm, cliRun('check', testCase.household));
      });

      test(`${testCase.id}: wasm asks the same next questions as the CLI`, { skip: cli ? false : 'no native CLI' }, () => {
        const fromWasm = carecheck.questions(JSON.stringify(testCase.household), today());
        assert.equal(fromWasm, cliRun('questions', testCase.household));
      });

      test(`${testCase.id}: wasm screens it as the CLI's batch line does`, { skip: cli ? false : 'no native CLI' }, () => {
        const fromWasm = carecheck.screen(JSON.stringify(testCase.household), today());
        const run = spawnSync(cli, ['batch', 'rules/'], { cwd: ROOT, input: `${JSON.stringify(testCase.household)}\n`, encoding: 'utf8', maxBuffer: 64 << 20 });
        assert.equal(run.stdout, `{"line":1,${fromWasm.slice(1)}\n`);
      });

      test(`${testCase.id}: wasm meets the case's expectations (${testCase.clause})`, () => {
        const result = JSON.parse(carecheck.check(JSON.stringify(testCase.household), today()));
        assert.equal(result.ok, true, JSON.stringify(result.error));
        for (const expectation of testCase.expect) {
          const program = findProgram(result, pack, expectation);
          const label = `${expectation.program}${expectation.member ? `/${expectation.member}` : ''}`;
          assert.equal(program.status, expectation.status, `${label} status`);
          if ('yearly' in expectation) {
            assert.equal(program.amount?.yearly ?? null, expectation.yearly, `${label} yearly`);
          }
          if ('missing' in expectation) {
            const missing = [...new Set((program.missing || []).map((m) => m.fact))].sort();
            assert.deepEqual(missing, [...new Set(expectation.missing)].sort(), `${label} missing`);
          }
        }
      });
    }
  });
}
