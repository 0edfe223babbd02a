// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExplainPage } from '../../../components/explain/ExplainPage';
import { FIXTURE_ROOT } from '../../support/fixtures';

afterEach(cleanup);

const paste = (text: string) => fireEvent.input(screen.getByLabelText('Response, header lines or error page'), { target: { value: text } });
const explain = () => fireEvent.click(screen.getByRole('button', { name: 'Explain' }));

describe('ExplainPage', () => {
  it('should explain pasted curl -i output with the same view as the popup', () => {
    render(<ExplainPage />);
    paste(readFileSync(path.join(FIXTURE_ROOT, 'aws-cloudfront/502-could-not-connect-to-origin--published.http'), 'latin1'));
    explain();
    expect(screen.getByRole('heading', { level: 2, name: /^502 from Amazon CloudFront/ })).toBeTruthy();
    expect(screen.getByText('Written by the gateway: Amazon CloudFront')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Amazon CloudFront status page/ })).toBeTruthy();
    expect(screen.queryByLabelText('Status code')).toBeNull();
  });

  it('should ask for the status when only header lines were pasted', () => {
    render(<ExplainPage />);
    paste('server: cloudflare\ncf-ray: 8a1b2c3d4e5f6789-SJC');
    explain();
    expect(screen.getByRole('alert').textContent).toContain('enter the status code');
    expect(screen.queryByRole('heading', { level: 2, name: /from Cloudflare/ })).toBeNull();

    fireEvent.input(screen.getByLabelText('Status code'), { target: { value: '521' } });
    expect(
      screen.getByRole('heading', { level: 2, name: /^521 from Cloudflare: (probably )?the gateway could not connect to the origin server$/ }),
    ).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Gateway and route' }).textContent).toContain('San Jose');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('should say what is wrong with header lines it cannot read', () => {
    render(<ExplainPage />);
    paste('server: nginx\ncontent-type: text/html\nthis line is no header');
    explain();
    expect(screen.getByRole('alert').textContent).toContain('line 3 is not a header line');
  });

  it('should explain an error page pasted alone, reading its status off the page', () => {
    render(<ExplainPage />);
    paste('<html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center><hr><center>nginx</center></body></html>');
    explain();
    expect(screen.queryByLabelText('Status code')).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: /^504(,| ).*from nginx: / })).toBeTruthy();
    expect(document.querySelector('[data-status-source="page"]')!.textContent).toContain('Status 504, read off the page');
  });

  it('should explain copied text that names no status, and offer to take one', () => {
    render(<ExplainPage />);
    paste('upstream connect error or disconnect/reset before headers. reset reason: connection failure');
    explain();
    expect(screen.getByRole('heading', { level: 2, name: /from Envoy/ })).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Status code'), { target: { value: '503' } });
    expect(screen.getByRole('heading', { level: 2, name: /^503(,| ).*from Envoy: / })).toBeTruthy();
  });

  it('should hide cookie values that were pasted', () => {
    render(<ExplainPage />);
    paste('HTTP/1.1 502 Bad Gateway\nServer: nginx\nSet-Cookie: session=SECRET-COOKIE');
    explain();
    expect(document.body.textContent).toContain('Value withheld');
    expect(screen.getByRole('main').querySelector('.result')!.textContent).not.toContain('SECRET-COOKIE');
  });
});
