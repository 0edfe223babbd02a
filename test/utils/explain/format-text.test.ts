import { describe, expect, it } from 'vitest';
import { explainResponse } from '../../../utils/explain/explain-response';
import { ANSI, formatExplanation } from '../../../utils/explain/format-text';

describe('formatExplanation', () => {
  it('cannot be made to move the cursor or recolour the terminal by a hostile header', () => {
    const explanation = explainResponse({ status: 502, headers: { 'x-evil': '\x1b[2J\x1b[31mgotcha\x07' } });
    const text = formatExplanation(explanation, ANSI);
    expect(text).toContain('�[2J�[31mgotcha�');
    expect(text).not.toContain('\x1b[2J');
  });
});
