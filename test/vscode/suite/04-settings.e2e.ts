// The settings the server reads per document: `cspPartners.rules` (a rule switched off) and
// `cspPartners.run` (checks on save instead of as you type). Set in the workspace, put back after.
import * as assert from 'node:assert/strict';
import { SETTINGS_SECTION } from '../../../server/src/protocol';
import {
  diagnosticsOf,
  expected,
  expectedKeys,
  keysOf,
  openEveryRule,
  openUntitled,
  ready,
  replaceOnce,
  restore,
  ruleOf,
  setSetting,
  waitForFindings,
} from './helpers';

describe('settings', () => {
  before(ready);
  afterEach(restore);

  it('cspPartners.rules { "cross-region-sale": "off" } removes that rule\'s diagnostics, and only those', async () => {
    const { document, uri, diagnostics } = await openEveryRule();
    const crossRegion = diagnostics.filter((d) => ruleOf(d) === 'cross-region-sale').length;
    assert.ok(crossRegion > 0, 'the example has cross-region-sale findings');
    const rules = { 'cross-region-sale': 'off' } as const;
    await setSetting(SETTINGS_SECTION, 'rules', rules, [uri]);
    const now = await waitForFindings(uri, expected(document.getText(), { rules }), 'the findings without cross-region-sale');
    assert.equal(now.filter((d) => ruleOf(d) === 'cross-region-sale').length, 0);
    assert.equal(now.length, diagnostics.length - crossRegion);
  });

  it('cspPartners.run "onSave": typing does not re-check a file until it is saved', async () => {
    const file = await openEveryRule();
    // The control: an untitled manifest is always checked as it is typed (it cannot be saved in
    // place). It gets the same edit right after the file: once its new findings are in, an on-type
    // check of the file would have come back too.
    const control = await openUntitled(file.original);
    await waitForFindings(control.uri, file.result, 'the findings of the untitled copy');
    await setSetting(SETTINGS_SECTION, 'run', 'onSave', [file.uri, control.uri]);

    await replaceOnce(file.document, 'soldBy: fabrikm', 'soldBy: fabrikam');
    await replaceOnce(control.document, 'soldBy: fabrikm', 'soldBy: fabrikam');
    const edited = expected(file.document.getText());
    assert.notDeepEqual(expectedKeys(edited), expectedKeys(file.result), 'the edit changes the findings');
    await waitForFindings(control.uri, edited, 'the untitled copy re-checked as typed');
    assert.deepEqual(keysOf(diagnosticsOf(file.uri)), expectedKeys(file.result), 'the file was re-checked before it was saved');

    assert.equal(file.document.isDirty, true);
    assert.equal(await file.document.save(), true);
    await waitForFindings(file.uri, edited, 'the re-check on save');
  });
});
