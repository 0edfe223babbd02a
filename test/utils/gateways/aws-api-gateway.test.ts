// API Gateway's own messages, and AWS Lambda's texts read as the function's wherever they appear.
import { describe, expect, it } from 'vitest';
import { seen } from './explain-helper';

const LAMBDA_TIMEOUT = '{"errorMessage":"2024-01-01T00:00:00.000Z 4d5b6a8e Task timed out after 3.00 seconds"}';

describe('aws-api-gateway', () => {
  it("says a Lambda timeout behind API Gateway was the function's, relayed, not a gateway's page", () => {
    const result = seen({ status: 502, headers: { 'x-amz-apigw-id': 'Abcd=', 'x-amzn-requestid': '9fdf2c04' }, bodyText: LAMBDA_TIMEOUT });
    expect(result.gateway).toBe('aws-api-gateway');
    expect(result.source).toBe('origin');
    expect(result.variant).toBe('aws-api-gateway-lambda-task-timed-out');
    expect(result.causes[0]).toBe('origin-timeout');
  });

  it('claims no gateway for a Lambda error body alone', () => {
    const result = seen({ bodyText: LAMBDA_TIMEOUT });
    expect(result.gateway).toBeNull();
    expect(result.causes[0]).toBe('origin-timeout');
  });

  it("tells an edge-optimized API's own 502 from its CloudFront headers, by x-amzn-ErrorType", () => {
    const result = seen({
      status: 502,
      headers: {
        via: '1.1 abc.cloudfront.net (CloudFront)',
        'x-amz-cf-id': 'abc==',
        'x-cache': 'Error from cloudfront',
        'x-amz-apigw-id': 'UE1r=',
        'x-amzn-errortype': 'InternalServerErrorException',
        'content-length': '36',
      },
    });
    expect(result.route).toEqual(['aws-api-gateway:wrote']);
    expect(result.causes[0]).toBe('origin-app-error');
  });

  it('does not name API Gateway from an AWS request id alone (Lambda function URLs send one too)', () => {
    expect(seen({ status: 502, headers: { 'x-amzn-requestid': '9fdf2c04' }, bodyText: 'Internal Server Error' }).gateway).not.toBe('aws-api-gateway');
  });
});
