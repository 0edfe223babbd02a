import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutPageSecrets } from '../../utils/page-secrets';

describe('withoutPageSecrets', () => {
  it('empties inline scripts and hidden fields, and keeps what the engine reads', () => {
    const page = [
      '<html><head><title>502 Bad Gateway</title><SCRIPT type="text/javascript">document.cookie = "sid=page-COOKIE"; fetch("/api", { headers: { Authorization: "Bearer TOKEN" } });</SCRIPT></head>',
      '<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>',
      '<form><input type="hidden" name="csrf" value="CSRF-SECRET"><input TYPE=hidden value=\'X-SECRET\' name="x"><input type="text" value="shown"></form>',
      '<script src="/app.js"></script></body></html>',
    ].join('');
    const cut = withoutPageSecrets(page);
    for (const secret of ['page-COOKIE', 'TOKEN', 'CSRF-SECRET', 'X-SECRET']) expect(cut).not.toContain(secret);
    expect(cut).toContain('<center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>');
    expect(cut).toContain('<SCRIPT type="text/javascript"></SCRIPT>');
    expect(cut).toContain('<script src="/app.js"></script>');
    expect(cut).toContain('<input type="text" value="shown">');
  });

  it('drops the rest of a body cut off inside a script, and leaves text without tags alone', () => {
    expect(withoutPageSecrets('<p>Error</p><script>var token = "SECRET')).toBe('<p>Error</p><script>');
    fc.assert(
      fc.property(
        fc.string().filter((text) => !text.includes('<')),
        (text) => {
          expect(withoutPageSecrets(text)).toBe(text);
        },
      ),
    );
  });

  it("never keeps a script's text, whatever it holds", () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !text.toLowerCase().includes('</script')),
        (inner) => {
          expect(withoutPageSecrets(`<p>x</p><script>${inner}</script><p>y</p>`)).toBe('<p>x</p><script></script><p>y</p>');
        },
      ),
    );
  });
});
